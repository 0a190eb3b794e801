// Package filemode names the kinds of file that are not regular files, for errors that refuse
// them: the rule library and the check run read regular files only (a named pipe would block, a
// device never end).
package filemode

import "io/fs"

// Describe names a file mode that is not a regular file: "a named pipe", "a socket", ...
func Describe(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDir != 0:
		return "a directory"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "mode " + m.String()
}
