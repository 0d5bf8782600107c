package generator

import (
	"strings"

	"github.com/waymark-cx/waymark/generator/model"
)

// absolute is a site path with base_url in front.
func absolute(site *model.Site, p string) string {
	return strings.TrimSuffix(site.Config.BaseURL, "/") + "/" + p
}
