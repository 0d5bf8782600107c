package generator

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestCheckDest(t *testing.T) {
	src := t.TempDir()
	for _, d := range []string{"content", "static"} {
		os.MkdirAll(filepath.Join(src, d), 0o755)
	}
	home, _ := os.UserHomeDir()
	link := filepath.Join(t.TempDir(), "link")
	os.Symlink(src, link)
	for dest, bad := range map[string]bool{
		filepath.Join(src, "public"):            false,
		filepath.Join(t.TempDir(), "site"):      false,
		src:                                     true,
		filepath.Dir(src):                       true,
		filepath.Join(src, "content"):           true,
		filepath.Join(src, "content", "out"):    true,
		filepath.Join(src, "static", "x", "y"):  true,
		filepath.Join(src, "templates", "out"):  true,
		"/":                                     true,
		home:                                    true,
		link:                                    true, // the source, through a symbolic link
		filepath.Join(link, "content", "built"): true,
	} {
		err := CheckDest(src, dest)
		var de *DestError
		if bad != errors.As(err, &de) {
			t.Errorf("CheckDest(%s) = %v, want refused=%v", dest, err, bad)
		}
	}
}

func TestCNAME(t *testing.T) {
	src := t.TempDir()
	writeTxtar(t, src, goodSite)
	writeTxtar(t, src, "-- waymark.toml --\ntitle = \"T\"\nbase_url = \"https://cx.example.com/\"\ncname = \"cx.example.com\"\n")
	if _, err := buildDir(t, src); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(src, "public", "CNAME"))
	if err != nil || string(b) != "cx.example.com\n" {
		t.Errorf("CNAME = %q, %v", b, err)
	}
}
