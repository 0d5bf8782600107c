package output

import (
	"io"
	"io/fs"
	"syscall"
)

// writeNew writes data as a new file of the build's temporary folder and
// returns its stamp. On Linux it does so with the system calls alone
// (open, write, fstat, close): an os.File would also offer each file to
// the network poller, which refuses it (a failed epoll_ctl a file), and
// give it a cleanup for the collector to run, for a file that is gone in
// four calls.
func writeNew(full string, data []byte) (Stamp, error) {
	var fd int
	err := retry(func() (err error) {
		fd, err = syscall.Open(full, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
		return err
	})
	if err != nil {
		return Stamp{}, &fs.PathError{Op: "open", Path: full, Err: err}
	}
	for len(data) > 0 && err == nil {
		var n int
		err = retry(func() (err error) {
			n, err = syscall.Write(fd, data)
			return err
		})
		if err == nil && n == 0 {
			err = io.ErrShortWrite
		}
		data = data[max(n, 0):]
	}
	var st syscall.Stat_t
	if err == nil {
		err = syscall.Fstat(fd, &st)
	}
	if cerr := syscall.Close(fd); err == nil {
		err = cerr
	}
	if err != nil {
		return Stamp{}, &fs.PathError{Op: "write", Path: full, Err: err}
	}
	return Stamp{st.Size, st.Mtim.Nano()}, nil
}

// retry runs call again while a signal interrupts it.
func retry(call func() error) error {
	for {
		if err := call(); err != syscall.EINTR {
			return err
		}
	}
}
