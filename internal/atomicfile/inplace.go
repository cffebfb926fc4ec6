package atomicfile

import (
	"fmt"
	"io"
	"io/fs"
	"os"
)

// writeInPlace writes to a target that is not a regular file. Character
// devices and named pipes are opened and written as a shell's > does
// (nothing is created, nothing renamed); anything else is refused.
func writeInPlace(path, target string, mode fs.FileMode, fill func(io.Writer) error) error {
	if mode&(fs.ModeCharDevice|fs.ModeNamedPipe) == 0 {
		return fmt.Errorf("%s is %s, not a regular file: nnbook writes only regular files, character devices and pipes", path, describe(mode))
	}
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if err := fill(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// describe names a non-regular file's kind for an error message.
func describe(mode fs.FileMode) string {
	switch {
	case mode.IsDir():
		return "a directory"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeCharDevice != 0:
		return "a character device"
	case mode&fs.ModeDevice != 0:
		return "a block device"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case mode&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return "a special file (" + mode.Type().String() + ")"
}
