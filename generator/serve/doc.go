// Package serve is Waymark's dev server: it builds a site into memory,
// serves it under the path of its base_url, watches the source for
// changes, rebuilds, and pushes a reload (or, on a mistake, an error
// overlay) to every open page with Server-Sent Events.
//
// # Builds
//
// Each build is made into memory (output.Memory), each file compressed
// there and decompressed when it is read. A good one replaces the one
// served, whole; a build with mistakes leaves the last good one served
// and reports its mistakes. A request takes the build served when it
// arrives and sees that build throughout.
//
// After a build that drew a large part of the site (the first), and a
// second after the last rebuild, the server hands the memory its builds
// freed back to the system (debug.FreeOSMemory, after a collection that
// lets go of the builds' pooled buffers): a dev server stays open all
// day, and the runtime would otherwise return it only slowly.
//
// # Serving Requests
//
// The server answers GET and HEAD only (anything else gets 405 with
// Allow), and, listening on a loopback address, only to requests naming
// a loopback host (421 otherwise: no DNS rebinding). Every answer has
// Cache-Control: no-store and X-Content-Type-Options: nosniff.
//
// The site lives under its base path, the path of base_url (say /hb/):
// / and /hb redirect to /hb/, and any other path outside it gets the
// site's 404 page with status 404. Below the base, a path with an empty,
// "." or ".." segment, a backslash or a NUL byte, percent-encoded or
// not, or one that is not UTF-8, is refused with 400.
//
// Three paths below the base are the server's own:
//   - _waymark/livereload.js is the script in every page;
//   - _waymark/events streams events to a page: reload (of stylesheets
//     only, when only they changed), errors (the overlay), ok;
//   - _waymark/errors.json is the latest build's mistakes, null if none.
//
// Every other path is served by http.FileServer over the last good build
// as an fs.FS (output.FS): nothing but the files that build wrote, no
// file from the disk, no dotfile it did not write. Around the file
// server, the server
//   - answers a missing file, a file asked for as a folder (a/b.css/),
//     and a folder without index.html, with the site's 404 page (status
//     404) rather than a plain 404 or a listing: folders cannot be listed;
//   - sets the Content-Type of each file from contentType, by its name;
//   - puts the reload script before </body> of every HTML page, the 404
//     page included, in the files the file server reads, so that the
//     Content-Length is that of the page as sent;
//   - sends a page whole, ignoring Range and conditional headers, so that
//     it always has its script.
//
// A folder redirects to folder/ (302), and .../index.html to ./ (the
// file server's own redirect: 301). Files carry no Last-Modified or
// ETag, as every build is new; files other than pages honour Range.
//
// Before the first good build, every path below the base gets a page
// that shows the error overlay.
package serve
