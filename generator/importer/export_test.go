package importer

// FoldLabel is foldLabel, for the tests of package importer_test.
var FoldLabel = foldLabel
