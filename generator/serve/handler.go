package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/waymark-cx/waymark/generator/export"
)

// ServeHTTP serves the last good build under its base path, the reload
// script and the event stream. Nothing outside the built files is ever
// served.
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
	files, base, errs := s.snapshot()
	p := r.URL.EscapedPath()
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if p == "/" && base != "/" {
		http.Redirect(w, r, base, http.StatusFound)
		return
	}
	switch p {
	case base + "_waymark/livereload.js":
		h.Set("Content-Type", "text/javascript; charset=utf-8")
		_, _ = w.Write([]byte(liveReloadJS))
		return
	case base + "_waymark/events":
		s.events(w, r)
		return
	case base + "_waymark/errors.json":
		h.Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(errs)
		return
	}
	name, ok := fileFor(base, p)
	if !ok {
		if strings.HasPrefix(p, base) || p+"/" == base {
			if p+"/" == base {
				http.Redirect(w, r, base, http.StatusFound)
				return
			}
			http.Error(w, "refused: not a path inside the site", http.StatusBadRequest)
			return
		}
		s.notFound(w, files, base)
		return
	}
	data, ok := files[name]
	if !ok {
		if _, dir := files[name+"/index.html"]; dir {
			http.Redirect(w, r, p+"/", http.StatusFound)
			return
		}
		if len(files) == 0 {
			// No good build yet: a page that can show the overlay.
			s.write(w, base, "index.html", []byte(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Waymark</title></head><body><h1>The site has mistakes</h1><p>Fix them and this page reloads.</p></body></html>`), http.StatusOK)
			return
		}
		s.notFound(w, files, base)
		return
	}
	s.write(w, base, name, data, http.StatusOK)
}

func (s *Server) notFound(w http.ResponseWriter, files map[string][]byte, base string) {
	if page, ok := files["404.html"]; ok {
		s.write(w, base, "404.html", page, http.StatusNotFound)
		return
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}

func (s *Server) write(w http.ResponseWriter, base, name string, data []byte, status int) {
	ctype := contentType(name)
	if strings.HasPrefix(ctype, "text/html") {
		data = injectScript(data, base, s.buildNumber())
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", fmt.Sprint(len(data)))
	w.WriteHeader(status)
	_, _ = w.Write(data)
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
	tag := []byte(`<script src="` + base + `_waymark/livereload.js" data-build="` + strconv.Itoa(build) + `"></script>`)
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
	ch := s.hub.subscribe()
	defer s.hub.unsubscribe(ch)
	_, _, errs := s.snapshot()
	switch {
	case errs != nil:
		b, _ := json.Marshal(errs)
		writeEvent(w, event{name: "errors", data: string(b)})
	case r.URL.Query().Get("build") != strconv.Itoa(s.buildNumber()):
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
