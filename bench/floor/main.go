// Command floor is the benchmark's reference program: the least any build
// of a handbook does with the libraries Waymark uses. For each journey it
// reads the file, decodes the front matter with BurntSushi/toml, converts
// the body with goldmark, minifies the HTML with tdewolff/minify and writes
// one page; on every core, with no templates, no other pages and no
// downloads. The harness (bench) runs it beside Waymark and Hugo, so that
// a target set as a fraction of Hugo's time can be compared with what the
// libraries alone take on the same machine in the same run.
//
//	go run ./bench/floor -s SITE -d OUT
package main

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/tdewolff/minify/v2"
	mhtml "github.com/tdewolff/minify/v2/html"
	"github.com/yuin/goldmark"
)

func main() {
	src := flag.String("s", ".", "the handbook's folder")
	dst := flag.String("d", "", "the output folder (must not exist)")
	flag.Parse()
	n, err := run(*src, *dst)
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	fmt.Printf("floor: wrote %d pages\n", n)
}

func run(src, dst string) (int, error) {
	if dst == "" {
		return 0, fmt.Errorf("-d is required")
	}
	files, err := filepath.Glob(filepath.Join(src, "content", "journeys", "*.md"))
	if err != nil {
		return 0, err
	}
	jobs := make(chan string)
	errs := make(chan error, len(files))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			md := goldmark.New()
			m := minify.New()
			m.AddFunc("text/html", mhtml.Minify)
			var body, page, min bytes.Buffer
			for f := range jobs {
				errs <- one(f, dst, md, m, &body, &page, &min)
			}
		})
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return 0, err
		}
	}
	return len(files), nil
}

// one turns a journey file into a page.
func one(path, dst string, md goldmark.Markdown, m *minify.M, body, page, min *bytes.Buffer) error {
	text, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	front, rest, ok := split(text)
	if !ok {
		return fmt.Errorf("%s: no +++ front matter", path)
	}
	var meta map[string]any
	if _, err := toml.Decode(string(front), &meta); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	title, _ := meta["title"].(string)
	body.Reset()
	if err := md.Convert(rest, body); err != nil {
		return err
	}
	page.Reset()
	page.WriteString("<!doctype html><html lang=en><head><meta charset=utf-8><title>")
	page.WriteString(html.EscapeString(title))
	page.WriteString("</title></head><body><main><h1>")
	page.WriteString(html.EscapeString(title))
	page.WriteString("</h1>\n")
	page.Write(body.Bytes())
	page.WriteString("</main></body></html>\n")
	min.Reset()
	if err := m.Minify("text/html", min, page); err != nil {
		return err
	}
	dir := filepath.Join(dst, strings.TrimSuffix(filepath.Base(path), ".md"))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), min.Bytes(), 0o644)
}

// split cuts a file into its +++ front matter and its body.
func split(text []byte) (front, body []byte, ok bool) {
	const fence = "+++\n"
	if !bytes.HasPrefix(text, []byte(fence)) {
		return nil, nil, false
	}
	end := bytes.Index(text[len(fence):], []byte("\n"+fence))
	if end < 0 {
		return nil, nil, false
	}
	front = text[len(fence) : len(fence)+end+1]
	return front, text[len(fence)+end+1+len(fence):], true
}
