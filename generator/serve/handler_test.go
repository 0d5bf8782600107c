package serve

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"strconv"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/output"
)

// built is a small build, as the handler tests serve it under /hb/.
func built() map[string]string {
	return map[string]string{
		"index.html":              "<html><body><h1>Home</h1></body></html>",
		"404.html":                "<html><body><h1>Lost</h1></body></html>",
		"no-end.html":             "<p>A page without its end",
		"journeys/buy/index.html": "<html><body><h1>Buying</h1></body></html>",
		"journeys/buy/buy.csv":    "stage,emotion\nAwareness,4\n",
		"css/waymark.css":         "body{color:black}",
		"img/a b.png":             "\x89PNG",
		"templates/kotler-5a.md":  "# Kotler",
		"LICENSE":                 "CC BY 4.0",
		"tài-liệu/index.html":     "<html><body><h1>Tài liệu</h1></body></html>",
	}
}

// script is the reload script as the handler tests' pages carry it.
const script = `<script src="/hb/_waymark/livereload.js" data-build="3"></script>`

// testServer serves files as its last good build (number 3) under base,
// without building or listening.
func testServer(base string, files map[string]string) *Server {
	m := make(map[string]output.Blob, len(files))
	for name, data := range files {
		m[name] = output.Pack([]byte(data))
	}
	s := New(Options{})
	s.cur = state{files: output.SetOf(m), fsys: output.FS(output.SetOf(m)), base: base, build: 3}
	return s
}

// serve answers one request from a loopback browser; header is pairs of
// names and values.
func serve(h http.Handler, method, target string, header ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, nil)
	r.Host = "localhost:1313"
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// checkPage checks that an HTML answer carries the reload script before
// </body> (or at the end) and says its own length.
func checkPage(t *testing.T, what string, w *httptest.ResponseRecorder) {
	t.Helper()
	body := w.Body.String()
	if !strings.Contains(body, script+"</body>") && !strings.HasSuffix(body, script) {
		t.Errorf("%s: no reload script in %q", what, body)
	}
	if cl := w.Header().Get("Content-Length"); cl != strconv.Itoa(len(body)) {
		t.Errorf("%s: Content-Length %s, body of %d bytes", what, cl, len(body))
	}
}

// What each path is answered with: the file it names, a refusal, the
// 404 page or a redirect. (Before the file server, an encoded slash was
// refused; now it is a slash.)
func TestServePaths(t *testing.T) {
	s := testServer("/hb/", built())
	for _, c := range []struct {
		path   string
		status int
		want   string // in the body, or the Location of a redirect
		ctype  string
	}{
		{"/hb/", 200, "<h1>Home</h1>", "text/html; charset=utf-8"},
		{"/hb/journeys/buy/", 200, "<h1>Buying</h1>", "text/html; charset=utf-8"},
		{"/hb/no-end.html", 200, "A page without its end", "text/html; charset=utf-8"},
		{"/hb/404.html", 200, "<h1>Lost</h1>", "text/html; charset=utf-8"},
		{"/hb/css/waymark.css", 200, "body{color:black}", "text/css; charset=utf-8"},
		{"/hb/img/a%20b.png", 200, "PNG", "image/png"},
		{"/hb/templates/kotler-5a.md", 200, "# Kotler", "text/markdown; charset=utf-8"},
		{"/hb/journeys/buy/buy.csv", 200, "Awareness,4", "text/csv; charset=utf-8"},
		{"/hb/LICENSE", 200, "CC BY", "application/octet-stream"},
		{"/hb/journeys%2Fbuy/", 200, "<h1>Buying</h1>", "text/html; charset=utf-8"},

		{"/hb/../etc/passwd", 400, "refused", ""},
		{"/hb/%2e%2e/etc/passwd", 400, "refused", ""},
		{"/hb/%2E%2E%2Fetc", 400, "refused", ""},
		{"/hb/..%5c..%5cwindows", 400, "refused", ""},
		{"/hb/a\\b", 400, "refused", ""},
		{"/hb//etc/passwd", 400, "refused", ""},
		{"/hb//", 400, "refused", ""},
		{"/hb/./index.html", 400, "refused", ""},
		{"/hb/%2e/", 400, "refused", ""},
		{"/hb/a%00.html", 400, "refused", ""},
		{"/hb/journeys/../../secret", 400, "refused", ""},
		{"/hb/journeys/x/..", 400, "refused", ""},
		{"/hb/journeys/buy/.", 400, "refused", ""},
		{"/hb/%ff.html", 400, "refused", ""},

		{"/etc/passwd", 404, "<h1>Lost</h1>", "text/html; charset=utf-8"},
		{"/x/hb/", 404, "<h1>Lost</h1>", "text/html; charset=utf-8"},
		{"/hb/missing.html", 404, "<h1>Lost</h1>", "text/html; charset=utf-8"},
		{"/hb/css/waymark.css/", 404, "<h1>Lost</h1>", "text/html; charset=utf-8"},
		{"/hb/.waymark-manifest", 404, "<h1>Lost</h1>", "text/html; charset=utf-8"},

		{"/", 302, "/hb/", ""},
		{"/hb", 302, "/hb/", ""},
		{"/hb/journeys/buy", 302, "/hb/journeys/buy/", ""},
		{"/hb/journeys/buy?tab=map", 302, "/hb/journeys/buy/?tab=map", ""},
		{"/hb/t%C3%A0i-li%E1%BB%87u", 302, "/hb/t%C3%A0i-li%E1%BB%87u/", ""},
		{"/hb/t%C3%A0i-li%E1%BB%87u/", 200, "Tài liệu", "text/html; charset=utf-8"},
		{"/hb/index.html", 301, "./", ""},
		{"/hb/journeys/buy/index.html", 301, "./", ""},
	} {
		w := serve(s, "GET", c.path)
		body := w.Body.String()
		if w.Code != c.status {
			t.Errorf("GET %s: %d %.80q, want %d", c.path, w.Code, body, c.status)
			continue
		}
		if w.Code/100 == 3 {
			if loc := w.Header().Get("Location"); loc != c.want {
				t.Errorf("GET %s: Location %q, want %q", c.path, loc, c.want)
			}
		} else if !strings.Contains(body, c.want) {
			t.Errorf("GET %s: %.80q does not hold %q", c.path, body, c.want)
		}
		if c.ctype != "" && w.Header().Get("Content-Type") != c.ctype {
			t.Errorf("GET %s: Content-Type %q, want %q", c.path, w.Header().Get("Content-Type"), c.ctype)
		}
		if strings.HasPrefix(c.ctype, "text/html") {
			checkPage(t, "GET "+c.path, w)
		}
		if w.Header().Get("Cache-Control") != "no-store" || w.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: headers %v", c.path, w.Header())
		}
	}
}

// A site at the root of its host.
func TestServeAtRoot(t *testing.T) {
	s := testServer("/", built())
	for path, want := range map[string]int{"/": 200, "/journeys/buy/": 200, "/journeys/buy": 302, "/missing": 404, "/../x": 400} {
		if w := serve(s, "GET", path); w.Code != want {
			t.Errorf("GET %s: %d, want %d", path, w.Code, want)
		}
	}
}

// A base path with a character escaped in links (a space) matches the
// paths of requests, which come decoded.
func TestServeEscapedBase(t *testing.T) {
	s := testServer("/cx%20handbook/", built())
	for path, want := range map[string]int{"/cx%20handbook/journeys/buy/": 200, "/cx%20handbook/css/waymark.css": 200, "/cx%20handbook/missing": 404} {
		if w := serve(s, "GET", path); w.Code != want {
			t.Errorf("GET %s: %d, want %d", path, w.Code, want)
		}
	}
	w := serve(s, "GET", "/cx%20handbook/")
	if !strings.Contains(w.Body.String(), `<script src="/cx%20handbook/_waymark/livereload.js"`) {
		t.Errorf("the script's address: %q", w.Body)
	}
	for _, p := range []string{"/", "/cx%20handbook"} {
		if w := serve(s, "GET", p); w.Code != 302 || w.Header().Get("Location") != "/cx%20handbook/" {
			t.Errorf("GET %s: %d to %q", p, w.Code, w.Header().Get("Location"))
		}
	}
}

// A folder without index.html is a 404, never a listing of its files;
// the files the file server reads cannot list one either.
func TestServeFolderNotListed(t *testing.T) {
	s := testServer("/hb/", built())
	for _, p := range []string{"/hb/img/", "/hb/img", "/hb/css/", "/hb/journeys/", "/hb/templates"} {
		w := serve(s, "GET", p)
		if body := w.Body.String(); w.Code != 404 || !strings.Contains(body, "Lost") || strings.Contains(body, "a b.png") || strings.Contains(body, "waymark.css") || strings.Contains(body, "buy/") {
			t.Errorf("GET %s: %d %q", p, w.Code, body)
		}
	}
	live := s.snapshot().live()
	if entries, err := fs.ReadDir(live, "img"); err == nil {
		t.Errorf("the served files list a folder: %v", entries)
	}
	w := httptest.NewRecorder()
	http.FileServer(http.FS(live)).ServeHTTP(w, httptest.NewRequest("GET", "/img/", nil))
	if w.Code == 200 || strings.Contains(w.Body.String(), "a b.png") {
		t.Errorf("the bare file server lists a folder: %d %q", w.Code, w.Body)
	}
}

// A HEAD request gets the headers of the GET, the length of the page as
// sent included, and no body.
func TestServeHead(t *testing.T) {
	s := testServer("/hb/", built())
	for _, p := range []string{"/hb/journeys/buy/", "/hb/css/waymark.css", "/hb/missing/", "/hb/img/"} {
		get, head := serve(s, "GET", p), serve(s, "HEAD", p)
		if head.Code != get.Code || head.Body.Len() != 0 {
			t.Errorf("HEAD %s: %d with %d bytes; GET: %d", p, head.Code, head.Body.Len(), get.Code)
		}
		for _, k := range []string{"Content-Type", "Content-Length", "Cache-Control"} {
			if head.Header().Get(k) != get.Header().Get(k) {
				t.Errorf("HEAD %s: %s %q, GET: %q", p, k, head.Header().Get(k), get.Header().Get(k))
			}
		}
	}
	if w := serve(s, "POST", "/hb/"); w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: %d, Allow %q", w.Code, w.Header().Get("Allow"))
	}
}

// A page is sent whole, with its script, whatever Range or conditional
// headers ask; other files honour Range, and nothing is answered 304
// (files carry no validators).
func TestServeRangeAndConditional(t *testing.T) {
	s := testServer("/hb/", built())
	for _, header := range [][]string{
		{"Range", "bytes=0-9"},
		{"Range", "bytes=-20", "If-Range", "Thu, 01 Jan 2099 00:00:00 GMT"},
		{"If-Modified-Since", "Thu, 01 Jan 2099 00:00:00 GMT"},
		{"If-None-Match", "*"},
		{"If-Match", `"v1"`},
		{"If-Unmodified-Since", "Thu, 01 Jan 1970 00:00:00 GMT"},
	} {
		for _, p := range []string{"/hb/", "/hb/journeys/buy/", "/hb/no-end.html"} {
			w := serve(s, "GET", p, header...)
			if w.Code != 200 {
				t.Errorf("GET %s %q: %d", p, header, w.Code)
				continue
			}
			checkPage(t, "GET "+p+" "+strings.Join(header, ": "), w)
		}
	}
	w := serve(s, "GET", "/hb/css/waymark.css", "Range", "bytes=0-3")
	if w.Code != 206 || w.Body.String() != "body" || w.Header().Get("Content-Range") != "bytes 0-3/17" {
		t.Errorf("a range of a stylesheet: %d %q %q", w.Code, w.Body, w.Header().Get("Content-Range"))
	}
	w = serve(s, "GET", "/hb/css/waymark.css", "If-Modified-Since", "Thu, 01 Jan 2099 00:00:00 GMT")
	if w.Code != 200 || w.Header().Get("Last-Modified") != "" || w.Header().Get("ETag") != "" {
		t.Errorf("a stylesheet asked for if modified: %d, %v", w.Code, w.Header())
	}
}

// Before the first good build, every path below the base gets the page
// that can show the overlay; without a 404.html, a plain 404.
func TestServeNoBuildYet(t *testing.T) {
	s := New(Options{})
	for _, p := range []string{"/", "/journeys/buy/", "/css/waymark.css"} {
		w := serve(s, "GET", p)
		if w.Code != 200 || !strings.Contains(w.Body.String(), `The site has mistakes<`) ||
			!strings.Contains(w.Body.String(), `<script src="/_waymark/livereload.js" data-build="0"></script></body>`) ||
			w.Header().Get("Content-Length") != strconv.Itoa(w.Body.Len()) {
			t.Errorf("GET %s: %d %v %q", p, w.Code, w.Header(), w.Body)
		}
	}
	s = testServer("/", map[string]string{"index.html": "<p>home"})
	if w := serve(s, "GET", "/missing"); w.Code != 404 || w.Body.String() != "404 page not found\n" {
		t.Errorf("no 404.html: %d %q", w.Code, w.Body)
	}
}

// FuzzServePath checks that a path, however decoded, is answered with
// the very file it names below the base, or with no file at all.
func FuzzServePath(f *testing.F) {
	for _, p := range []string{"/hb/", "/hb/../x", "/hb/%2e%2e/", "/hb/a/b/c.css", "/hb/%zz", "/hb/journeys/buy/", "/hb/css/./waymark.css", "/hb/img/a b.png", "/hb/css//waymark.css"} {
		f.Add(p)
	}
	files := built()
	s := testServer("/hb/", files)
	f.Fuzz(func(t *testing.T, p string) {
		if p == "/hb/_waymark/events" {
			return // streams until the server stops
		}
		r := &http.Request{Method: "GET", URL: &url.URL{Path: p}, Host: "localhost", Header: http.Header{}}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != 200 || strings.HasPrefix(p, "/hb/_waymark/") {
			return
		}
		rest, ok := strings.CutPrefix(p, "/hb/")
		if !ok || !inside(rest) {
			t.Fatalf("GET %q: 200 for a path outside the site", p)
		}
		name := rest
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		want, ok := files[name]
		if !ok {
			t.Fatalf("GET %q: 200, but it names no file (%q)", p, name)
		}
		if isPage(path.Base(name)) {
			want = string(injectScript([]byte(want), "/hb/", 3))
		}
		if w.Body.String() != want {
			t.Fatalf("GET %q: %q, want %s: %q", p, w.Body, name, want)
		}
	})
}
