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

// base_url is a full http(s) URL with a host, or a path; anything else is
// a mistake, not a sitemap of "http:/" addresses.
func TestNormalizeBaseURL(t *testing.T) {
	for raw, want := range map[string]string{
		"":                               "/ /",
		"https://acme.github.io/cx":      "https://acme.github.io/cx/ /cx/",
		"http://127.0.0.1:8080/":         "http://127.0.0.1:8080/ /",
		"/hb":                            "/hb/ /hb/",
		"http://":                        `base_url "http://" names no host`,
		"https:///path/":                 `base_url "https:///path/" names no host`,
		"http://x:99999/":                "base_url's port must be from 1 to 65535, not 99999",
		"//cdn.example/hb/":              "base_url must be an absolute URL or a path starting with /",
		"ftp://x/":                       "base_url must be an http or https URL, not ftp",
		"x y":                            "base_url must be an absolute URL or a path starting with /",
		"https://acme.github.io/cx/?a=1": "base_url must not have a query or fragment",
	} {
		var failed string
		full, p := normalizeBaseURL(raw, func(msg string) { failed = msg })
		got := full + " " + p
		if failed != "" {
			got = failed
		}
		if got != want {
			t.Errorf("normalizeBaseURL(%q) = %q, want %q", raw, got, want)
		}
	}
}
