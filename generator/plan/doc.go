// Package plan is the site's URL scheme and its plan: what the site
// publishes, where, and what each output reads. Only this package spells
// the paths of the hub's pages and downloads (see HubAddresses).
package plan
