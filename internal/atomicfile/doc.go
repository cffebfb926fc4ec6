// Package atomicfile is the one way nnbook writes a file: notebooks, saved
// networks, REPL scripts and figures, kernelspecs and the kernel's copy of
// its own executable all go through [WriteFile], [Write] or [WriteNew].
//
// The rules, so that writing never destroys something else:
//
//   - A regular file (or a path that does not exist yet) is replaced
//     atomically: the data goes to a temporary file with an unpredictable
//     name (os.CreateTemp) in the target's own directory, the file is synced,
//     renamed over the target and the directory is synced. A reader sees the
//     old file or the whole new one; a crash leaves one of the two.
//   - An existing file keeps its permission bits (and, when the process may
//     set them, its owner and group); a new file gets the permissions asked
//     for less the process umask, as os.WriteFile would give it.
//   - A symbolic link is followed and its target is replaced; the link stays.
//   - A character device or a named pipe (/dev/null, /dev/stdout, a FIFO) is
//     written in place, as a shell's > would, and is never replaced by a
//     file. A directory, socket, block device or other special file is
//     refused with an error saying what the path is.
package atomicfile
