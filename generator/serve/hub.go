package serve

import (
	"sync"
)

// event is one Server-Sent Event pushed to every open page.
type event struct {
	name string // reload, errors, ok
	data string // JSON
}

// hub fans events out to the open pages. A slow page never blocks a
// rebuild: its buffer holds the latest events and older ones are dropped.
type hub struct {
	mu   sync.Mutex
	subs map[chan event]string // the path of the page, as it asked
}

func newHub() *hub { return &hub{subs: map[chan event]string{}} }

// subscribe adds an open page, at the path page ("" when it did not
// say), to those events go to.
func (h *hub) subscribe(page string) chan event {
	ch := make(chan event, 8)
	h.mu.Lock()
	h.subs[ch] = page
	h.mu.Unlock()
	return ch
}

// pages are the paths of the open pages.
func (h *hub) pages() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []string
	for _, p := range h.subs {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (h *hub) unsubscribe(ch chan event) {
	h.mu.Lock()
	delete(h.subs, ch)
	h.mu.Unlock()
}

func (h *hub) broadcast(e event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case ch <- e:
		default:
			// The page is not reading; drop its oldest event for this one.
			select {
			case <-ch:
			default:
			}
			select {
			case ch <- e:
			default:
			}
		}
	}
}
