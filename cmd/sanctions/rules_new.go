package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/scaffold"
)

func newRulesNew(g *globals, s *streams) *cobra.Command {
	var r scaffold.Rule
	cmd := &cobra.Command{
		Use:   "new ID",
		Short: "Scaffold a rule folder: the rule, its Rego tests and its examples",
		Long: `New writes a rule's folder into the rule library (the first --rules directory, else
rules.paths, else ./rules): for DPRK-FOO-BAR, sanctions/dprk/foo_bar/ with foo_bar.rego (the
package, with its METADATA block), foo_bar_test.rego and examples.yaml. The rule fires on a
placeholder condition, its tests and examples pass, and TODOs mark what to write: the title and
description, the citations, the condition, the tests and the examples. Nothing is written when
the folder exists, when the regime has no lib (sanctions/<regime>/lib), when the library does
not load as it is, or when it would not load with the new rule.`,
		Example: "  sanctions rules new DPRK-FOO-BAR --category sectoral\n  sanctions rules test",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r.ID = args[0]
			c, err := g.settings(nil)
			if err != nil {
				return err
			}
			sources, err := library.Resolve(c.Rules.Paths)
			if err != nil {
				return withStatus(exitError, err)
			}
			dirs := ruleDirs(sources)
			if len(dirs) == 0 {
				return withStatus(exitError, fmt.Errorf("no rule library directory to write to: pass --rules DIR"))
			}
			if _, err := scaffold.Dir(r); err != nil { // a bad id or category, before loading anything
				return withStatus(exitError, err)
			}
			// The library loads before the rule is added, so that a failure after is the new rule's.
			// Its rules must all load, not be set aside.
			ctx := cmd.Context()
			if _, err := engine(ctx, s, c, false, nil); err != nil {
				fmt.Fprintln(s.err, "sanctions: wrote nothing: the rule library does not load as it is")
				return err
			}
			wrote, err := scaffold.Write(dirs[0], r)
			if err != nil {
				return withStatus(exitError, err)
			}
			folder := filepath.Dir(wrote[0])
			if _, err := engine(ctx, s, c, false, nil); err != nil {
				if rmErr := os.RemoveAll(folder); rmErr != nil {
					return withStatus(exitError, fmt.Errorf("the rule library does not load with %s, which could not be removed: %w", folder, rmErr))
				}
				fmt.Fprintf(s.err, "sanctions: removed %s: the rule library does not load with it\n", folder)
				return err
			}
			for _, p := range wrote {
				fmt.Fprintln(s.out, p)
			}
			fmt.Fprintf(s.err, "wrote %s: fill in its TODOs, then run sanctions rules test\n", folder)
			return nil
		},
	}
	cmd.Flags().StringVar(&r.Category, "category", "", "the rule's category (required)")
	cmd.Flags().StringVar(&r.Severity, "severity", scaffold.DefaultSeverity, "the rule's severity")
	cmd.Flags().StringVar(&r.Title, "title", "", "the rule's title (default: the id in words)")
	cmd.MarkFlagRequired("category")
	return cmd
}
