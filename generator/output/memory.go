package output

import (
	"maps"
	"sync"
)

// Memory keeps a build's files in memory, for the dev server.
type Memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

// NewMemory returns an empty in-memory output.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// NewMemorySized returns an empty in-memory output with room for n files:
// a rebuild writes about as many as the build before it.
func NewMemorySized(n int) *Memory { return &Memory{files: make(map[string][]byte, n)} }

// WriteFile stores one file.
func (m *Memory) WriteFile(name string, data []byte) error {
	if err := CheckName(name); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, dup := m.files[name]; dup {
		return twice(name)
	}
	m.files[name] = data
	return nil
}

// Load replaces what the output holds by files (the map is kept, not
// copied): for a build that is the last one with a few files changed.
func (m *Memory) Load(files map[string][]byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files = files
}

// Files returns a copy of the file map (the data is shared, not copied).
func (m *Memory) Files() map[string][]byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	return maps.Clone(m.files)
}
