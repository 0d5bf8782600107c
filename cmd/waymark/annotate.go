package main

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/waymark-cx/waymark/generator/diag"
)

// annotate writes a mistake or warning to standard output as a GitHub
// Actions workflow command as well (::error file=…,line=…,col=…::…), when
// the command runs in a GitHub Actions job (GITHUB_ACTIONS=true): the job's
// page shows it, and a pull request shows it on the file's line in its
// diff. root is the folder the error's path is relative to (the site's,
// for build and check), which the file is named relative to the
// workspace through.
func (m *Main) annotate(level, root string, e *diag.Error) {
	if !m.Annotate {
		return
	}
	var props []string
	file := m.annotationFile(root, e.Path)
	if file != "" {
		props = append(props, "file="+escapeProperty(file))
		if e.Line > 0 {
			props = append(props, "line="+strconv.Itoa(e.Line))
			if e.Col > 0 {
				props = append(props, "col="+strconv.Itoa(e.Col))
			}
		}
	}
	props = append(props, "title=waymark")
	msg := e.Msg
	if file == "" && e.Path != "" {
		msg = e.Location() + ": " + msg // a built-in theme's file, say
	}
	if e.Hint != "" {
		msg += "\nhint: " + e.Hint
	}
	fmt.Fprintf(m.Stdout, "::%s %s::%s\n", level, strings.Join(props, ","), escapeData(msg))
}

// annotationFile names path (slash-separated, relative to root) relative
// to the workspace, as GitHub wants it; "" when it is no file there (a
// built-in theme's, or none).
func (m *Main) annotationFile(root, path string) string {
	if path == "" || strings.HasPrefix(path, "(") || filepath.IsAbs(path) {
		return ""
	}
	p := filepath.Join(root, filepath.FromSlash(path))
	if filepath.IsAbs(p) {
		if m.Workspace == "" {
			return ""
		}
		rel, err := filepath.Rel(m.Workspace, p)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return ""
		}
		p = rel
	}
	return filepath.ToSlash(p)
}

// escapeData escapes a workflow command's message: % and line ends.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value: also the
// colon and comma that separate properties.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
