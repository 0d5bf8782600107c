package serve

import (
	"testing"
)

// A server on a loopback address answers only to loopback names (no DNS
// rebinding); one shared on the network answers to any.
func TestHostAllowed(t *testing.T) {
	for _, c := range []struct {
		listen, host string
		want         bool
	}{
		{"127.0.0.1:1313", "127.0.0.1:1313", true},
		{"127.0.0.1:1313", "localhost:1313", true},
		{"127.0.0.1:1313", "LOCALHOST", true},
		{"127.0.0.1:1313", "cx.localhost:1313", true},
		{"127.0.0.1:1313", "[::1]:1313", true},
		{"127.0.0.1:1313", "127.0.0.2", true},
		{"127.0.0.1:1313", "evil.example:1313", false},
		{"127.0.0.1:1313", "evil.example", false},
		{"127.0.0.1:1313", "192.168.1.10:1313", false},
		{"127.0.0.1:1313", "", false},
		{"localhost:1313", "evil.example", false},
		{"[::1]:1313", "[::1]:1313", true},
		{"0.0.0.0:1313", "my-laptop.lan:1313", true},
		{"192.168.1.10:1313", "anything", true},
		{":1313", "anything", true},
	} {
		if got := hostAllowed(c.listen, c.host); got != c.want {
			t.Errorf("hostAllowed(%q, %q) = %v, want %v", c.listen, c.host, got, c.want)
		}
	}
}
