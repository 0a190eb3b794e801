package library

import (
	"fmt"
	"os"

	"github.com/sanctions-dev/sanctions/rules"
)

// EmbeddedName names the rule library built into the binary in file names.
const EmbeddedName = "(embedded)"

// Resolve says where to read rules from: the given directories when there are any (from --rules
// or the rules.paths setting), else ./rules when it exists, else the copy embedded in the binary.
func Resolve(dirs []string) ([]Source, error) {
	if len(dirs) == 0 {
		if info, err := os.Stat("rules"); err == nil && info.IsDir() {
			dirs = []string{"rules"}
		} else {
			return []Source{Embedded()}, nil
		}
	}
	var out []Source
	for _, d := range dirs {
		info, err := os.Stat(d)
		if err != nil {
			return nil, fmt.Errorf("rules directory: %w", err)
		}
		if !info.IsDir() {
			return nil, fmt.Errorf("rules directory %s: not a directory", d)
		}
		out = append(out, Source{Name: d, FS: os.DirFS(d)})
	}
	return out, nil
}

// Embedded is the rule library built into the binary.
func Embedded() Source { return Source{Name: EmbeddedName, FS: rules.FS} }
