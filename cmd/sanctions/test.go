package main

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sanctions-dev/sanctions/internal/atomicfile"
	"github.com/sanctions-dev/sanctions/internal/ruletest"
)

func newTest(g *globals, s *streams) *cobra.Command {
	var format string
	var update bool
	cmd := &cobra.Command{
		Use:   "test [PATH...]",
		Short: "Check fixtures: the rules that fire on each event against the file's expect block",
		Long: `Test evaluates every event of the fixture files under the paths (default: fixtures) and
compares the rules that fire with each file's expect block, printing per file what differs:
a missing rule, or an unexpected one with its reasoning. --update rewrites the expect blocks of
YAML fixtures from what the rules now say, editing only what changes, so that comments and
layout stay. Exit status: 0 when every fixture agrees, 1 when one differs, 2 on errors (an
unreadable or invalid fixture, rules that do not load).`,
		Example: `  sanctions test
  sanctions test --format junit fixtures/ > fixtures.xml
  sanctions test --update fixtures/cases`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"fixtures"}
			}
			if !slices.Contains(ruletest.TestFormats, format) {
				return withStatus(exitError, fmt.Errorf("unknown format %q (want %s)", format, strings.Join(ruletest.TestFormats, ", ")))
			}
			eng, c, err := loadEngine(cmd, g, s)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			files, err := ruletest.FixtureFiles(ctx, eng, inputLimits(c), args...)
			if err != nil {
				return withStatus(exitError, err)
			}
			if update {
				changed := 0
				for _, f := range files {
					if f.Failed() == 0 || f.Broken {
						continue
					}
					data, err := os.ReadFile(f.Name)
					if err != nil {
						return withStatus(exitError, err)
					}
					out, err := ruletest.UpdateExpect(data, f.Fired, f.Order)
					if err != nil {
						return withStatus(exitError, fmt.Errorf("%s: %w", f.Name, err))
					}
					if err := atomicfile.WriteFile(f.Name, out, 0o644); err != nil {
						return withStatus(exitError, err)
					}
					fmt.Fprintf(s.err, "updated %s (%d expectations)\n", f.Name, f.Failed())
					changed++
				}
				if changed > 0 {
					if files, err = ruletest.FixtureFiles(ctx, eng, inputLimits(c), args...); err != nil {
						return withStatus(exitError, err)
					}
				}
			}
			if err := ruletest.RenderFixtures(s.out, format, files); err != nil {
				return withStatus(exitError, err)
			}
			for _, f := range files {
				if f.Broken {
					return withStatus(exitError, nil)
				}
			}
			if _, _, failed := ruletest.FixtureTotals(files); failed > 0 {
				return withStatus(exitFindings, nil)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: "+strings.Join(ruletest.TestFormats, ", "))
	cmd.Flags().BoolVar(&update, "update", false, "rewrite the expect blocks of YAML fixtures from what the rules now say")
	return cmd
}
