package generator

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/output"
)

// TestStaticLinks: a symbolic link in static/ that leads to a file inside
// the site's folder is copied; one that leads out of it, to a folder or
// nowhere is left out with a warning naming it, and the build goes on.
func TestStaticLinks(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "site")
	writeTxtar(t, src, `
-- waymark.toml --
title = "Links"
-- static/img/real.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
-- brand/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg"><title>logo</title></svg>
-- brand/sub/deep.txt --
deep
`)
	outside := filepath.Join(root, "secret.txt")
	if err := os.WriteFile(outside, []byte("do not publish"), 0o644); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"static/img/logo.svg":  "../../brand/logo.svg", // inside the site: copied
		"static/img/again.svg": "logo.svg",             // a link to that link: copied
		"static/secret.txt":    "../../secret.txt",     // outside the site
		"static/abs.txt":       outside,                // absolute
		"static/gone.txt":      "nope.txt",             // dangling
		"static/folder":        "../brand",             // a folder
		"static/loop.txt":      "loop.txt",             // itself
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(src, filepath.FromSlash(name))); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	rep, err := buildDir(t, src)
	if err != nil {
		t.Fatal(err)
	}
	pub := filepath.Join(src, "public")
	for _, name := range []string{"img/real.svg", "img/logo.svg", "img/again.svg"} {
		b, err := os.ReadFile(filepath.Join(pub, filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("%s was not copied: %v", name, err)
		} else if !strings.Contains(string(b), "<svg") {
			t.Errorf("%s holds %q", name, b)
		}
	}
	for _, name := range []string{"secret.txt", "abs.txt", "gone.txt", "folder", "folder/logo.svg", "loop.txt"} {
		if _, err := os.Lstat(filepath.Join(pub, filepath.FromSlash(name))); err == nil {
			t.Errorf("%s was copied", name)
		}
	}
	var warned []string
	for _, w := range rep.Warnings {
		warned = append(warned, w.Error())
	}
	all := strings.Join(warned, "\n")
	for _, want := range []string{
		"static/secret.txt:1:1: a symbolic link to ../../secret.txt, outside the folder: not copied",
		"static/abs.txt:1:1: a symbolic link to an absolute path, " + filepath.ToSlash(outside) + ": not copied",
		"static/gone.txt:1:1: a symbolic link to nope.txt, which does not exist: not copied",
		"static/folder:1:1: a symbolic link to ../brand, which is not a file: not copied",
		"static/loop.txt:1:1: a symbolic link in a loop of links: not copied",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no warning %q in:\n%s", want, all)
		}
	}
	if strings.Contains(all, "logo.svg") || strings.Contains(all, "again.svg") {
		t.Errorf("a warning for a link inside the site:\n%s", all)
	}
	// What the copied links lead to, for the dev server to watch: the
	// file, and the link on the way from again.svg; nothing of the links
	// left out.
	if want := []string{"brand/logo.svg", "static/img/logo.svg"}; !slices.Equal(rep.Linked, want) {
		t.Errorf("Linked = %q, want %q", rep.Linked, want)
	}
}

// TestSourceDownloadAsWritten: a journey's .md download is its file byte
// for byte, byte-order mark, blank lines and Windows line ends included,
// from a one-off build (which reads the file again) and from a Builder.
func TestSourceDownloadAsWritten(t *testing.T) {
	src := t.TempDir()
	writeTxtar(t, src, "-- waymark.toml --\ntitle = \"Downloads\"\n")
	text := "\xef\xbb\xbf\r\n+++\r\ntitle = \"Buy\"\r\n\r\n[[stage]]\r\nname = \"Pick\"\r\n+++ \r\nNotes.\r\n"
	if err := os.MkdirAll(filepath.Join(src, "content", "journeys"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "content", "journeys", "buy.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := testOptions(src)
	one := output.NewMemory()
	opts.Output = one
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	kept := output.NewMemory()
	b := NewBuilder(testOptions(src))
	b.SetOutput(kept)
	if _, err := b.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	for name, files := range map[string]map[string][]byte{"one-off build": one.Files(), "Builder": kept.Files()} {
		if got := string(files["journeys/buy/buy.md"]); got != text {
			t.Errorf("%s: the download is %q; want the file as written, %q", name, got, text)
		}
	}
}

// static/ itself may be a link only to a folder inside the site's folder:
// one that leads elsewhere would publish whatever is there (a home
// folder's keys, say), so nothing of it is copied, with a warning.
func TestStaticFolderLink(t *testing.T) {
	for _, c := range []struct {
		name, target string
		copied       bool
		warning      string
	}{
		{"outside", "../secrets", false, "static:1:1: the static folder is a symbolic link to ../secrets, outside the folder: nothing in it is copied"},
		{"absolute", "ABS", false, "static:1:1: the static folder is a symbolic link to an absolute path"},
		{"inside", "shared/assets", true, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			src := filepath.Join(root, "site")
			writeTxtar(t, src, `
-- waymark.toml --
title = "Links"
-- shared/assets/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
`)
			secrets := filepath.Join(root, "secrets")
			os.MkdirAll(secrets, 0o755)
			os.WriteFile(filepath.Join(secrets, "id_rsa"), []byte("TOP SECRET"), 0o600)
			os.WriteFile(filepath.Join(src, "shared/assets/id_rsa"), []byte("not secret"), 0o644)
			target := c.target
			if target == "ABS" {
				target = secrets
			}
			if err := os.Symlink(target, filepath.Join(src, "static")); err != nil {
				t.Skipf("no symbolic links here: %v", err)
			}
			rep, err := buildDir(t, src)
			if err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(filepath.Join(src, "public", "id_rsa"))
			switch {
			case c.copied && (err != nil || string(b) != "not secret"):
				t.Errorf("the linked folder's file was not copied: %q, %v", b, err)
			case !c.copied && err == nil:
				t.Errorf("a file from outside the site was published: %q", b)
			}
			var warned []string
			for _, w := range rep.Warnings {
				warned = append(warned, w.Error())
			}
			all := strings.Join(warned, "\n")
			if c.warning != "" && !strings.Contains(all, c.warning) {
				t.Errorf("no warning %q in:\n%s", c.warning, all)
			}
			if c.warning == "" && all != "" {
				t.Errorf("warnings for a link inside the site:\n%s", all)
			}
			// The dev server watches the folder a good link leads to.
			if wantLinked := map[bool][]string{true: {"shared/assets/"}}[c.copied]; !slices.Equal(rep.Linked, wantLinked) {
				t.Errorf("Linked = %q, want %q", rep.Linked, wantLinked)
			}
		})
	}
}

// A site theme's folder that is a link to elsewhere would publish its
// static files from there: it is a mistake.
func TestThemeFolderLink(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "site")
	writeTxtar(t, src, `
-- waymark.toml --
title = "Links"
theme = "acme"
`)
	os.MkdirAll(filepath.Join(root, "acme", "static"), 0o755)
	os.WriteFile(filepath.Join(root, "acme", "static", "id_rsa"), []byte("TOP SECRET"), 0o600)
	os.MkdirAll(filepath.Join(src, "themes"), 0o755)
	if err := os.Symlink("../../acme", filepath.Join(src, "themes", "acme")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	_, err := buildDir(t, src)
	want := "themes/acme:1:1: the theme's folder is a symbolic link to ../../acme, outside the folder"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v, want %q", err, want)
	}
	if _, err := os.Stat(filepath.Join(src, "public", "id_rsa")); err == nil {
		t.Error("a file from outside the site was published")
	}
}

// A file that is not a regular one is never read: a named pipe would
// block the build for ever and a link to /dev/zero fill the memory. In
// content/ it is a mistake; in static/ it is left out.
func TestIrregularFiles(t *testing.T) {
	src := t.TempDir()
	writeTxtar(t, src, goodSite)
	if err := syscall.Mkfifo(filepath.Join(src, "content/guides/pipe.md"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	os.MkdirAll(filepath.Join(src, "static"), 0o755)
	if err := syscall.Mkfifo(filepath.Join(src, "static/pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(src, "content/guides/zero.md")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	done := make(chan error, 1)
	go func() { _, err := buildDir(t, src); done <- err }()
	var err error
	select {
	case err = <-done:
	case <-time.After(time.Minute):
		t.Fatal("the build did not end: it is reading a pipe or a device")
	}
	for _, want := range []string{
		"content/guides/pipe.md:1:1: not a regular file but a named pipe",
		"content/guides/zero.md:1:1: not a regular file but a device",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in: %v", want, err)
		}
	}
	// Without them the site builds, the pipe in static/ left out.
	os.Remove(filepath.Join(src, "content/guides/pipe.md"))
	os.Remove(filepath.Join(src, "content/guides/zero.md"))
	go func() { _, err := buildDir(t, src); done <- err }()
	select {
	case err = <-done:
	case <-time.After(time.Minute):
		t.Fatal("the build did not end: it is reading the pipe in static/")
	}
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(src, "public/pipe.txt")); err == nil {
		t.Error("the named pipe in static/ was copied")
	}
}

// A blank template marked draft is left out, as a draft page is, unless
// the build includes drafts.
func TestDraftTemplate(t *testing.T) {
	src := t.TempDir()
	writeTxtar(t, src, goodSite+`
-- templates/wip.md --
+++
title = "Work in progress"
draft = true
[[stage]]
name = "A"
+++
`)
	rep, err := buildDir(t, src)
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range rep.Site.Templates {
		if j.Slug == "wip" {
			t.Error("the draft template is in the site")
		}
	}
	if _, err := os.Stat(filepath.Join(src, "public/templates/wip.md")); err == nil {
		t.Error("the draft template's download was written")
	}
	opts := testOptions(src)
	opts.Drafts = true
	site, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(site.Site.Templates, func(j *model.Journey) bool { return j.Slug == "wip" }) {
		t.Error("with drafts, the draft template is left out")
	}
}
