package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/plan"
)

// ServeHTTP serves the last good build under its base path, the reload
// script, the event stream and the mistakes, as the package doc says.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if !hostAllowed(s.opts.Addr, r.Host) {
		http.Error(w, "refused: waymark serve answers only to localhost and 127.0.0.1 (serve with --addr 0.0.0.0:PORT to share the site)", http.StatusMisdirectedRequest)
		return
	}
	st := s.snapshot()
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	// The base is kept escaped, as links spell it; a request's path
	// comes decoded.
	base, err := url.PathUnescape(st.base)
	if err != nil {
		base = st.base
	}
	p := r.URL.Path
	rest, inBase := strings.CutPrefix(p, base)
	switch {
	case p == "/" && base != "/", p+"/" == base:
		http.Redirect(w, r, st.base, http.StatusFound)
	case !inBase:
		notFound(w, r, st.live())
	case rest == plan.DevServerDir+"/livereload.js":
		h.Set("Content-Type", "text/javascript; charset=utf-8")
		_, _ = w.Write([]byte(liveReloadJS))
	case rest == plan.DevServerDir+"/events":
		s.events(w, r)
	case rest == plan.DevServerDir+"/errors.json":
		h.Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(st.errs)
	case !inside(rest):
		http.Error(w, "refused: not a path inside the site", http.StatusBadRequest)
	case st.files.Len() == 0:
		// No good build yet: a page that can show the overlay.
		writePage(w, r, http.StatusOK, "index.html", injectScript([]byte(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Waymark</title></head><body><h1>The site has mistakes</h1><p>Fix them and this page reloads.</p></body></html>`), st.base, st.build))
	default:
		if st.pending[pageName(rest)] || st.pending[rest] {
			// Being made again, after the open pages (Server.early):
			// served once made, never as it was.
			select {
			case <-st.ready:
			case <-r.Context().Done():
				return
			case <-s.done:
				http.Error(w, "the server is stopping", http.StatusServiceUnavailable)
				return
			}
			st = s.snapshot()
		}
		serveFile(w, r, st, rest)
	}
}

// pageName is the file a path below the base is served from when it
// is a page: "journeys/x/" → "journeys/x/index.html", "" → "index.html";
// other paths as they are.
func pageName(rest string) string {
	if rest == "" || strings.HasSuffix(rest, "/") {
		return rest + "index.html"
	}
	return rest
}

// serveFile serves rest, a path below the base, with http.FileServer.
// It looks the file up first: the file server would answer a missing
// file with a plain 404 and a folder without index.html with a listing,
// where the site has its own 404 page. It redirects a folder to
// folder/ itself, and sets the Content-Type, which the file server keeps.
func serveFile(w http.ResponseWriter, r *http.Request, st state, rest string) {
	name := strings.TrimSuffix(rest, "/")
	if name == "" {
		name = "."
	}
	info, err := fs.Stat(st.fsys, name)
	switch {
	case err != nil:
	case info.IsDir():
		name = path.Join(name, "index.html")
		if _, err = fs.Stat(st.fsys, name); err == nil && rest != "" && !strings.HasSuffix(rest, "/") {
			// The file server would redirect to the folder's name
			// unescaped; a name may hold any letter.
			folder := r.URL.EscapedPath() + "/"
			if r.URL.RawQuery != "" {
				folder += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, folder, http.StatusFound)
			return
		}
	case strings.HasSuffix(rest, "/"):
		err = fs.ErrNotExist // a file is no folder
	}
	if err != nil {
		notFound(w, r, st.live())
		return
	}
	w.Header().Set("Content-Type", contentType(name))
	r = r.Clone(r.Context())
	r.URL.Path, r.URL.RawPath = "/"+rest, ""
	if isPage(name) {
		// A page goes whole, with its script, whatever the request
		// asks: part of it, or none if unchanged, would leave the
		// browser a page that does not reload, or one made of two
		// builds (pages have no validator, as every build is new).
		for _, k := range []string{"Range", "If-Range", "If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since"} {
			r.Header.Del(k)
		}
	}
	http.FileServer(http.FS(st.live())).ServeHTTP(w, r)
}

// notFound answers with the site's 404 page, its script in it, or a
// plain 404 when the site has none.
func notFound(w http.ResponseWriter, r *http.Request, fsys liveFS) {
	page, err := fs.ReadFile(fsys, "404.html")
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	writePage(w, r, http.StatusNotFound, "404.html", page)
}

// writePage sends a page that http.FileServer cannot, as it has a status
// of its own or is no file of the build.
func writePage(w http.ResponseWriter, r *http.Request, status int, name string, page []byte) {
	w.Header().Set("Content-Type", contentType(name))
	w.Header().Set("Content-Length", strconv.Itoa(len(page)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(page)
	}
}

// contentType is the media type of a built file by its extension. The
// journey downloads' come from the export registry, so that a new format
// is served right without a change here.
func contentType(name string) string {
	ext := path.Ext(name)
	for _, f := range export.Formats() {
		if ext == "."+f.Ext {
			return f.ContentType
		}
	}
	switch ext {
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".json":
		return "application/json"
	case ".svg":
		return "image/svg+xml"
	case "":
		return "application/octet-stream"
	default:
		if t := mime.TypeByExtension(ext); t != "" {
			return t
		}
	}
	return "application/octet-stream"
}

// injectScript adds the reload script before </body> (or at the end).
// Build output never has it: only pages served by serve do.
func injectScript(page []byte, base string, build int) []byte {
	tag := []byte(`<script src="` + base + plan.DevServerDir + `/livereload.js" data-build="` + strconv.Itoa(build) + `"></script>`)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page[:len(page):len(page)], tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// events streams Server-Sent Events to one page until it goes away or
// the server stops. A page that connects while mistakes stand gets them
// at once.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Connection", "keep-alive")
	ch := s.hub.subscribe(r.URL.Query().Get("page"))
	defer s.hub.unsubscribe(ch)
	st := s.snapshot()
	switch {
	case st.errs != nil:
		b, _ := json.Marshal(st.errs)
		writeEvent(w, event{name: "errors", data: string(b)})
	case r.URL.Query().Get("build") != strconv.Itoa(st.build):
		// The page was loaded from an older build: a change landed while
		// it was loading, before it could hear of it.
		writeEvent(w, event{name: "reload", data: `{"css":false}`})
	default:
		fmt.Fprint(w, ": connected\n\n")
	}
	flusher.Flush()
	keepAlive := time.NewTicker(15 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case e := <-ch:
			writeEvent(w, e)
			flusher.Flush()
		case <-keepAlive.C:
			fmt.Fprint(w, ": keep-alive\n\n")
			flusher.Flush()
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		}
	}
}

func writeEvent(w http.ResponseWriter, e event) {
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.name, e.data)
}
