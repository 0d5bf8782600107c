package serve

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
)

func TestRelevant(t *testing.T) {
	for p, want := range map[string]bool{
		"waymark.toml":                        true,
		"content/journeys/buy.md":             true,
		"content/journeys/hành-trình.md":      true,
		"static/css/site.css":                 true,
		"layouts/journey.html":                true,
		"themes/mine/layouts/journey.html":    true,
		"templates/b2b.md":                    true,
		"i18n/vi.toml":                        true,
		"content":                             true,
		"public/index.html":                   false,
		"README.md":                           false,
		".git/index":                          false,
		"content/journeys/.buy.md.swp":        false,
		"content/journeys/buy.md~":            false,
		"content/journeys/4913":               false,
		"content/journeys/.#buy.md":           false,
		"content/journeys/#buy.md#":           false,
		"content/journeys/buy.md___jb_tmp___": false,
		"content/journeys/buy.md___jb_old___": false,
		"content/journeys/buy.md.kate-swp":    false,
		"content/.hidden/x.md":                false,
		"static/.DS_Store":                    false,
	} {
		if got := relevant(p); got != want {
			t.Errorf("relevant(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestWatchErrorHints(t *testing.T) {
	for err, want := range map[error]string{
		fmt.Errorf("add: %w", syscall.ENOSPC): "sudo sysctl fs.inotify.max_user_watches=524288",
		fmt.Errorf("add: %w", syscall.EMFILE): "fs.inotify.max_user_instances",
		fmt.Errorf("other"):                   "--poll",
	} {
		if got := watchError(err).Error(); !strings.Contains(got, want) || !strings.Contains(got, "--poll") {
			t.Errorf("watchError(%v) = %q, want it to mention %q and --poll", err, got, want)
		}
	}
}
