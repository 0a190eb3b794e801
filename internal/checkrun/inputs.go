package checkrun

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/filemode"
)

// Input is one input of a check run: a name for positions and errors, its format, and a way to
// open it when the run reaches it. An input that exists but cannot be opened is one rejected
// event, with the error as its reason.
type Input struct {
	Name   string
	Format events.Format
	// Sections are the top-level keys that hold lists of events: ["events"] when empty. Rule
	// examples use ["fire", "quiet"].
	Sections []string
	// Open opens the input when the run reaches it. Nil for an input that only carries Listing.
	Open func() (io.ReadCloser, error)
	// Listing holds the problems found listing this path (an unreadable directory, a directory
	// with no event file): not events, they are reported when the run reaches the input.
	Listing diag.List
}

// Reader is an input read from r, standard input or a request body: its name says which.
func Reader(name string, format events.Format, r io.Reader) Input {
	return Input{Name: name, Format: format, Open: func() (io.ReadCloser, error) { return io.NopCloser(r), nil }}
}

// Bytes is an input held in memory: the decoder reads data where it is, without a copy, and
// never changes it.
func Bytes(name string, format events.Format, data []byte, sections ...string) Input {
	return Input{Name: name, Format: format, Sections: sections,
		Open: func() (io.ReadCloser, error) { return buffer{bytes.NewBuffer(data)}, nil }}
}

// buffer is a bytes.Buffer that closes: its Bytes method tells the decoder it is in memory.
type buffer struct{ *bytes.Buffer }

func (buffer) Close() error { return nil }

// Paths turns the paths of a command line into inputs, in order: "-" is stdin, a directory is
// every event file below it (see Files), a file is itself. A path that does not exist (or
// cannot be looked at) is an error naming it, returned before any input is read: it is a
// mistake on the command line, not an event. A path given twice, or a file that two paths
// reach (a directory and a file or directory below it), is read once, where it first comes.
// The problems of walking a directory ride, as Listing, on an input of their own just before
// the directory's files, so that they are reported in the order of the paths. With no
// standard input to give (a zero stdin), "-" is a path like any other.
func Paths(paths []string, stdin Input) ([]Input, error) {
	var inputs []Input
	seen := map[string]bool{}
	first := func(name string) bool {
		key := name
		if name != "-" {
			key = filepath.Clean(name)
		}
		if seen[key] {
			return false
		}
		seen[key] = true
		return true
	}
	for _, p := range paths {
		if p == "-" && stdin.Open != nil {
			if first(p) {
				inputs = append(inputs, stdin)
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, pathErr(err))
		}
		if info.IsDir() && !first(p) {
			continue
		}
		files, walkProbs := Files(p)
		if len(walkProbs) > 0 {
			inputs = append(inputs, Input{Name: p, Listing: walkProbs})
		}
		for _, f := range files {
			if !first(f) {
				continue
			}
			// A file named on the command line may be a pipe (<(extract ...)); one found in a
			// directory must be a regular file: a named pipe would block, a device never end.
			if info.IsDir() {
				if fi, err := os.Stat(f); err == nil && !fi.Mode().IsRegular() {
					inputs = append(inputs, failing(f, "not a regular file ("+filemode.Describe(fi.Mode())+"): not read"))
					continue
				}
			}
			inputs = append(inputs, File(f))
		}
	}
	return inputs, nil
}

// File is an event file on disk, in the format its extension says.
func File(name string) Input {
	format, ok := events.FormatOf(name)
	if !ok {
		return failing(name, "unknown input type: want .yaml, .yml, .json, .ndjson or .jsonl")
	}
	return Input{Name: name, Format: format, Open: func() (io.ReadCloser, error) {
		f, err := os.Open(name)
		if err != nil {
			return nil, errors.New("cannot read: " + unwrapPath(err))
		}
		return f, nil
	}}
}

// failing is an input that cannot be read, for the reason given.
func failing(name, why string) Input {
	return Input{Name: name, Open: func() (io.ReadCloser, error) { return nil, errors.New(why) }}
}

// Files lists the event files under a path: the path itself when it is a file, else every
// .yaml, .yml, .json, .ndjson and .jsonl file below it, in lexical order, skipping hidden
// entries. Symbolic links to directories are not followed, so link loops cannot trap the walk.
func Files(root string) ([]string, diag.List) {
	info, err := os.Stat(root)
	if err != nil {
		return nil, diag.List{{File: root, Message: "cannot read: " + unwrapPath(err)}}
	}
	if !info.IsDir() {
		return []string{root}, nil
	}
	var files []string
	var probs diag.List
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			probs = append(probs, &diag.Problem{File: p, Message: "cannot read: " + unwrapPath(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if _, ok := events.FormatOf(p); ok {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		probs = append(probs, &diag.Problem{File: root, Message: err.Error()})
	}
	if len(files) == 0 && len(probs) == 0 {
		probs = append(probs, &diag.Problem{File: root, Message: noEventFiles})
	}
	sort.Strings(files)
	return files, probs
}

// noEventFiles is the problem of a directory that holds no event file: an error of the run, but
// no input left unread.
const noEventFiles = "no event files (.yaml, .yml, .json, .ndjson, .jsonl) in this directory"

func unwrapPath(err error) string { return pathErr(err).Error() }

// pathErr is the cause of a path error, without the operation and path it names.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
