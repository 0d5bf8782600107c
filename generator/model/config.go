package model

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/source"
)

// Config is the site configuration from waymark.toml.
type Config struct {
	Title        string
	BaseURL      string // as configured (or overridden), ending in "/"
	BasePath     string // the path of BaseURL: "/" or "/cx-handbook/"
	Language     string // "en" or "vi"
	Description  string
	Theme        string
	Stages       []string // the default stage order
	DropOffAlert float64
	ReviewEvery  Interval
	UnsafeHTML   bool
	CNAME        string
	HubLimit     int      // the most entries a list on a hub page shows (hub_limit)
	Lanes        []*Lane  // custom lanes every map has ([[lane]])
	HideLanes    []string // built-in lanes no map shows (hide_lanes)
	Rules        Rules    // the rules the site turned on ([rules])
	Priorities   Weights  // the weights of the priority score ([priorities])
	Params       map[string]any
}

// Languages lists the UI languages the built-in themes carry.
func Languages() []string { return []string{"en", "vi"} }

// Defaults used when waymark.toml leaves a key out.
const (
	DefaultDropOffAlert = 0.3
	DefaultReviewEvery  = "90d"
	DefaultHubLimit     = 200
)

// HubLimits are the most entries a list on a hub page shows (hub_limit,
// 0 meaning the default) and the most of a list inside such a list (the
// uses of one touchpoint, a tag's journeys on the tags page) or of the
// persona columns of the persona × journey matrix: a tenth of hub_limit,
// at least 10, never more than hub_limit.
func (c Config) HubLimits() (limit, nested int) {
	limit = c.HubLimit
	if limit <= 0 {
		limit = DefaultHubLimit
	}
	return limit, min(limit, max(limit/10, 10))
}

func decodeConfig(doc *source.Doc, baseURL string, errs *diag.List) Config {
	d := &decoder{doc: doc, errs: errs}
	o := d.root(source.ConfigFile)
	c := Config{
		Title:       o.required("title"),
		BaseURL:     o.str("base_url"),
		Language:    o.oneOf("language", Languages()),
		Description: o.str("description"),
		Theme:       o.str("theme"),
		Stages:      o.strs("stages"),
		UnsafeHTML:  o.boolean("unsafe_html", false),
		CNAME:       o.str("cname"),
		Params:      o.params(),
	}
	if c.Language == "" {
		c.Language = "en"
	}
	if c.Theme == "" {
		c.Theme = "default"
	}
	c.DropOffAlert = DefaultDropOffAlert
	if v, ok := o.num("drop_off_alert"); ok {
		if !(v >= 0 && v <= 1) {
			d.errorf("drop_off_alert", "a share from 0 to 1: 0.3 means 30%", "drop_off_alert must be between 0 and 1, not %v", v)
		}
		c.DropOffAlert = v
	}
	c.HubLimit = DefaultHubLimit
	if v, ok := o.integer("hub_limit"); ok {
		switch {
		case v < 0:
			d.errorf("hub_limit", "a whole number of entries, such as hub_limit = 200; 0 or no hub_limit means 200", "hub_limit must not be negative, not %d", v)
		case v > 0:
			c.HubLimit = v
		}
	}
	if c.CNAME != "" && !isHostname(c.CNAME) {
		d.errorf("cname", `the domain alone, such as cname = "cx.example.com": no scheme, path, port or spaces; write an accented domain in its xn-- form`,
			"cname must be a domain name, not %q", c.CNAME)
	}
	c.Rules = decodeRules(o.table("rules"))
	c.Priorities = decodeWeights(o.table("priorities"))
	c.ReviewEvery = o.interval("review_every")
	if c.ReviewEvery.IsZero() {
		c.ReviewEvery, _ = ParseInterval(DefaultReviewEvery)
	}
	c.Lanes = decodeLanes(o, nil, false)
	c.HideLanes = decodeHideLanes(o)
	o.done()
	pathKey := "base_url"
	if baseURL != "" {
		c.BaseURL = baseURL
		pathKey = ""
	}
	c.BaseURL, c.BasePath = normalizeBaseURL(c.BaseURL, func(msg string) {
		if pathKey == "" {
			errs.Add(&diag.Error{Path: "--base-url", Line: 1, Col: 1, Msg: msg, Hint: "use a URL such as https://acme.github.io/cx-handbook/"})
			return
		}
		d.errorf(pathKey, "use a URL such as https://acme.github.io/cx-handbook/", "%s", msg)
	})
	return c
}

// normalizeBaseURL checks a base URL and returns it and its path, both
// ending in a slash. An empty URL means the domain root.
func normalizeBaseURL(raw string, fail func(string)) (string, string) {
	if raw == "" {
		return "/", "/"
	}
	u, err := url.Parse(raw)
	if err != nil {
		fail("base_url is not a valid URL: " + err.Error())
		return "/", "/"
	}
	if u.RawQuery != "" || u.Fragment != "" {
		fail("base_url must not have a query or fragment")
		return "/", "/"
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		fail("base_url must be an http or https URL, not " + u.Scheme)
		return "/", "/"
	}
	if u.Scheme == "" && !strings.HasPrefix(u.Path, "/") || u.Scheme == "" && u.Host != "" {
		fail("base_url must be an absolute URL or a path starting with /")
		return "/", "/"
	}
	if u.Scheme != "" && u.Hostname() == "" {
		fail("base_url " + strconv.Quote(raw) + " names no host")
		return "/", "/"
	}
	if port := u.Port(); port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			fail("base_url's port must be from 1 to 65535, not " + port)
			return "/", "/"
		}
	}
	p := u.EscapedPath()
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	u.RawPath = ""
	u.Path = ""
	return strings.TrimSuffix(u.String(), "/") + p, p
}

// isHostname reports whether s is a domain name as GitHub Pages' CNAME
// file holds it: dot-separated labels of ASCII letters, digits and
// hyphens, none empty, none starting or ending with a hyphen.
func isHostname(s string) bool {
	if len(s) > 253 {
		return false
	}
	for _, label := range strings.Split(s, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
				return false
			}
		}
	}
	return true
}
