package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/rulecheck"
)

// newRulesCheck is `sanctions rules check`: the rule library's static checks in one command
// (internal/rulecheck).
func newRulesCheck(g *globals, s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Check the rule library without running it: opa fmt style, strict compilation, METADATA, data tables",
		Long: `Check reads the rule library (--rules DIR, else rules.paths, else ./rules, else the copy embedded
in the binary) and reports every problem it finds, each with its file and line:

  - a Rego file that opa fmt would change, as opa fmt --fail does, with its first lines that differ
    ("-" as written, "+" as opa fmt writes them; opa fmt -w FILE rewrites it);
  - Rego that does not compile in strict mode against the event schema, rules and tests alike, as
    opa check --strict does (an unused variable or import, a field the schema lacks), and a call
    of a builtin the checker refuses;
  - what loading the library finds: METADATA outside schema/metadata.json, a data table that its
    schema under schema/data/ or the other tables refuse (designations, exemptions, countries,
    the taxonomy), a schema that is not one.

A rule at fault does not hide the others: each is checked. It runs no test and no example; that
is sanctions rules test. Exit status: 0 when the library is clean, 2 when it has a problem.`,
		Example: `  sanctions rules check
  sanctions rules export my-rules
  sanctions rules check --rules my-rules`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := g.settings(nil)
			if err != nil {
				return err
			}
			sources, err := library.Resolve(c.Rules.Paths)
			if err != nil {
				return withStatus(exitError, err)
			}
			r, err := rulecheck.Check(cmd.Context(), sources...)
			if err != nil {
				return withStatus(exitError, err)
			}
			where := strings.Join(r.Sources, ", ")
			for _, p := range r.Problems {
				fmt.Fprintln(s.out, p.Error())
				for _, d := range p.Diff {
					fmt.Fprintln(s.out, "    "+d)
				}
			}
			if n := len(r.Problems); n > 0 {
				word := "problems"
				if n == 1 {
					word = "problem"
				}
				fmt.Fprintf(s.out, "%s: %d %s.\n", where, n, word)
				return withStatus(exitError, nil)
			}
			fmt.Fprintf(s.out, "%s: no problems (%d Rego files in opa fmt style, %d rules; strict compilation and library checks pass).\n", where, r.RegoFiles, r.Rules)
			return nil
		},
	}
}
