//go:build !linux

package output

import "os"

// writeNew writes data as a new file of the build's temporary folder and
// returns its stamp.
func writeNew(full string, data []byte) (Stamp, error) {
	f, err := os.OpenFile(full, createFlags, 0o644)
	if err != nil {
		return Stamp{}, err
	}
	_, err = f.Write(data)
	return closeStamped(f, err)
}
