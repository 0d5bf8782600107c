//go:build !unix

package output

import "os"

// createFlags open a file of the build's temporary folder for writing.
const createFlags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
