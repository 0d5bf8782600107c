//go:build unix

package output

import (
	"os"
	"syscall"
)

// createFlags open a file of the build's temporary folder for writing.
// O_NONBLOCK has no effect on a regular file, but tells os.OpenFile the
// file is in non-blocking mode already: it does not switch it there and
// back around trying to add it to the network poller, four fcntl calls a
// file, a third of the system calls a build makes for the files it writes.
const createFlags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC | syscall.O_NONBLOCK
