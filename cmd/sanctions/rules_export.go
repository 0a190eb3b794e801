package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/sanctions-dev/sanctions/rules"
)

// newRulesExport is `sanctions rules export DIR`: the rule library embedded in the binary,
// written out for an analyst to edit and run with --rules DIR.
func newRulesExport(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "export DIR",
		Short: "Write the rule library embedded in this binary to DIR, to edit it and run it with --rules DIR",
		Long: `Export writes the rule library this binary carries (schemas, data tables, Rego rules with
their tests and examples) to DIR, which must not exist or be empty, so that an installed binary can
hand its rules to an analyst: edit them, then run sanctions check --rules DIR.`,
		Example: `  sanctions rules export my-rules
  sanctions check --rules my-rules fixtures/`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			n, err := exportRules(args[0])
			if err != nil {
				return withStatus(exitError, err)
			}
			fmt.Fprintf(s.err, "wrote %d files to %s; run them with --rules %s\n", n, args[0], args[0])
			return nil
		},
	}
}

// exportRules writes the embedded library below dir, refusing a directory that holds anything.
func exportRules(dir string) (int, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return 0, fmt.Errorf("%s is not empty: export writes into a new or empty directory", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, err
	}
	n := 0
	err := fs.WalkDir(rules.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := rules.FS.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		return os.WriteFile(target, data, 0o644)
	})
	return n, err
}
