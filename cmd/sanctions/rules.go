package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/sanctions-dev/sanctions/config"
	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/ruledoc"
	"github.com/sanctions-dev/sanctions/internal/ruletest"
)

func newRules(g *globals, s *streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List and test the rule library",
	}
	var asJSON bool
	list := &cobra.Command{
		Use:   "list",
		Short: "List the rules with their citations",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			eng, _, err := loadEngine(cmd, g, s)
			if err != nil {
				return err
			}
			rules := eng.Rules()
			if asJSON {
				enc := json.NewEncoder(s.out)
				enc.SetIndent("", "  ")
				return enc.Encode(rules)
			}
			w := tabwriter.NewWriter(s.out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "ID\tSEVERITY\tTITLE\tCITES")
			for _, r := range rules {
				var cites []string
				for _, c := range r.Citations {
					cites = append(cites, c.Resolution+" "+c.Paragraph)
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Title, strings.Join(cites, "; "))
			}
			return w.Flush()
		},
	}
	list.Flags().BoolVar(&asJSON, "json", false, "print the rules' metadata as JSON")

	var fixtures []string
	var verbose, watching bool
	test := &cobra.Command{
		Use:   "test",
		Short: "Run the rules' Rego tests and examples (and fixtures, with --fixtures)",
		Long: `Test runs every *_test.rego of the rule library, checks every examples.yaml (events under
fire: must fire the rule beside it, events under quiet: must not), and, for each --fixtures path,
compares the rules that fire on each event with the file's expect block.
Exit status: 0 when everything passes, 1 when a check fails, 2 when the rules do not load.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			once := func() error {
				eng, c, err := loadEngine(cmd, g, s)
				if err != nil {
					return err
				}
				ctx := cmd.Context()
				cases, err := ruletest.Rego(ctx, eng.Library())
				if err != nil {
					printProblems(s.err, "the rule tests did not compile", err)
					return withStatus(exitError, nil)
				}
				ex, err := ruletest.Examples(ctx, eng, inputLimits(c))
				if err != nil {
					return withStatus(exitError, err)
				}
				cases = append(cases, ex...)
				if len(fixtures) > 0 {
					fx, err := ruletest.Fixtures(ctx, eng, inputLimits(c), fixtures...)
					if err != nil {
						return withStatus(exitError, err)
					}
					cases = append(cases, fx...)
				}
				for _, c := range cases {
					if verbose || !c.Pass {
						fmt.Fprintln(s.out, c.String())
					}
				}
				failed := ruletest.Failed(cases)
				fmt.Fprintf(s.out, "%d checks: %d passed, %d failed.\n", len(cases), len(cases)-failed, failed)
				if failed > 0 {
					return withStatus(exitFindings, nil)
				}
				return nil
			}
			if !watching {
				return once()
			}
			return watchLoop(cmd.Context(), s, func() []string { return g.watchPaths(fixtures) }, once)
		},
	}
	test.Flags().StringArrayVar(&fixtures, "fixtures", nil, "also check the fixture files under this path (repeatable)")
	test.Flags().BoolVarP(&verbose, "verbose", "v", false, "list passing checks too")
	test.Flags().BoolVarP(&watching, "watch", "w", false, "run again whenever a rule, data table, config file or fixture changes")
	doc := &cobra.Command{
		Use:   "doc",
		Short: "Print the rule reference (docs/rules.md) generated from the rules' metadata",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			eng, _, err := loadEngine(cmd, g, s)
			if err != nil {
				return err
			}
			_, err = s.out.Write(ruledoc.Markdown(eng.Rules()))
			return err
		},
	}
	show := &cobra.Command{
		Use:   "show ID",
		Short: "Show one rule: what it prohibits, its citations, where it is, its examples",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			eng, _, err := loadEngine(cmd, g, s)
			if err != nil {
				return err
			}
			for _, r := range eng.Rules() {
				if strings.EqualFold(r.ID, args[0]) {
					_, err := s.out.Write(ruledoc.Show(r, eng.Library()))
					return err
				}
			}
			var ids []string
			for _, r := range eng.Rules() {
				ids = append(ids, r.ID)
			}
			return withStatus(exitError, fmt.Errorf("no rule %q (rules: %s)", args[0], strings.Join(ids, ", ")))
		},
	}
	cmd.AddCommand(list, show, test, doc)
	cmd.AddCommand(newRulesNew(g, s), newRulesExport(s))
	return cmd
}

func loadEngine(cmd *cobra.Command, g *globals, s *streams) (*evaluator.Engine, *config.Config, error) {
	c, err := g.settings(nil)
	if err != nil {
		return nil, nil, err
	}
	eng, err := engine(cmd.Context(), s, c, false)
	return eng, c, err
}
