//go:build !linux

package generator

// intactFiles reports whether every one of files is in dest as stamped.
func intactFiles(dest string, files []stamp) bool { return intactByPath(dest, files) }
