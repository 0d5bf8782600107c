package serve

import (
	"bytes"
	"io"
	"io/fs"
	"strings"
)

// liveFS is a build as it is served: the fs.FS that http.FileServer reads.
// Every HTML page in it carries the reload script, so that the file
// server sends the page as the browser gets it, with its own length;
// and a folder in it opens but cannot be listed, so that no request can
// make the file server list one.
type liveFS struct {
	fsys  fs.FS  // the build's files (output.FS)
	base  string // where the reload script is served from
	build int    // the build's number, which the script reports back
}

func (st state) live() liveFS { return liveFS{fsys: st.fsys, base: st.base, build: st.build} }

// Open opens a file or folder of the build, a page with its script.
func (s liveFS) Open(name string) (fs.File, error) {
	f, err := s.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if info.IsDir() {
		return folder{f}, nil
	}
	if !isPage(name) {
		return f, nil
	}
	data, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		return nil, err
	}
	data = injectScript(data, s.base, s.build)
	return &page{Reader: bytes.NewReader(data), info: pageInfo{info, int64(len(data))}}, nil
}

// isPage reports whether a built file is an HTML page, by the type it is
// served with: pages, and only pages, get the reload script.
func isPage(name string) bool { return strings.HasPrefix(contentType(name), "text/html") }

// folder is an open folder with nothing but fs.File's methods: without
// ReadDir, http.FS cannot list it.
type folder struct{ fs.File }

// page is an HTML page with the reload script in it.
type page struct {
	*bytes.Reader
	info fs.FileInfo
}

func (p *page) Stat() (fs.FileInfo, error) { return p.info, nil }
func (p *page) Close() error               { return nil }

// pageInfo is a page's file info with the length of the page as served.
type pageInfo struct {
	fs.FileInfo
	size int64
}

func (i pageInfo) Size() int64 { return i.size }
