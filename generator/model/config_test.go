package model

import (
	"strings"
	"testing"
)

// cname must be a domain name alone: GitHub Pages reads the CNAME file
// as one.
func TestIsHostname(t *testing.T) {
	for s, want := range map[string]bool{
		"cx.acme.vn": true, "a-b.example.com": true, "xn--hnh-trnh-4za.vn": true, "localhost": true,
		"https://cx.acme.vn": false, "cx.acme.vn/docs": false, "cx.acme.vn:8080": false, "-a.com": false,
		"a-.com": false, "a..b": false, "cx.acme.vn.": false, "hành.vn": false, "a b.com": false,
		"cx.acme.vn\nevil.com": false, strings.Repeat("a", 64) + ".com": false,
	} {
		if got := isHostname(s); got != want {
			t.Errorf("isHostname(%q) = %v, want %v", s, got, want)
		}
	}
}
