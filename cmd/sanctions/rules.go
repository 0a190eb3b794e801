package main

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
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
		Short: "List, check and test the rule library",
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
	var run, format string
	test := &cobra.Command{
		Use:   "test",
		Short: "Run the rules' Rego tests and examples (and fixtures, with --fixtures)",
		Long: `Test runs every *_test.rego of the rule library, checks every examples.yaml (events under
fire: must fire the rule beside it, events under quiet: must not), and, for each --fixtures path,
compares the rules that fire on each event with the file's expect block.

--run REGEX runs only the checks whose full name it matches (anywhere in the name, as go test
-run does; (?i) makes it case-insensitive). Full names are:
  rego/PACKAGE.TEST                   rego/sanctions.dprk.arms_export_test.test_direction_to_dprk_is_quiet
  example/RULE-ID/SECTION/EVENT-ID    example/DPRK-ARMS-EXPORT/fire/ex-export-koksan
  fixture/FILE/EVENT-ID               fixture/fixtures/seed/efe-2024-01-15.yaml/seed-choe-visit
(--format json lists each check's full name as "test"). A --run that matches no check is an
error, exit 2, so that a mistyped pattern cannot pass a CI step by running nothing.

--format text lists the failures (every check with -v) and a summary; json gives every check
run and the counts; junit a test suite per file, in the classname convention of check's JUnit
(docs/ci.md).
Exit status: 0 when everything passes, 1 when a check fails, 2 when the rules do not load or on
bad usage.`,
		Example: `  sanctions rules test
  sanctions rules test --run DPRK-ARMS-EXPORT -v
  sanctions rules test --run '(?i)arms.export' --format junit > rules.xml
  sanctions rules test --fixtures fixtures --run '^fixture/' --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			format = strings.ToLower(format)
			if !slices.Contains(ruletest.TestFormats, format) {
				return withStatus(exitError, fmt.Errorf("--format: unknown format %q (want %s)", format, strings.Join(ruletest.TestFormats, ", ")))
			}
			var runRE *regexp.Regexp
			if run != "" {
				var err error
				if runRE, err = regexp.Compile(run); err != nil {
					return withStatus(exitError, fmt.Errorf("--run: %w", err))
				}
			}
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
				selected := ruletest.Select(cases, runRE)
				if len(selected) == 0 && runRE != nil {
					return withStatus(exitError, fmt.Errorf("--run %q matches none of the %d checks (full names: rego/PACKAGE.TEST, example/RULE-ID/SECTION/EVENT-ID, fixture/FILE/EVENT-ID)", run, len(cases)))
				}
				if err := ruletest.RenderRuleTests(s.out, format, selected, len(cases)-len(selected), verbose); err != nil {
					return withStatus(exitError, err)
				}
				if ruletest.Failed(selected) > 0 {
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
	test.Flags().BoolVarP(&verbose, "verbose", "v", false, "text format: list passing checks too")
	test.Flags().BoolVarP(&watching, "watch", "w", false, "run again whenever a rule, data table, config file or fixture changes")
	test.Flags().StringVar(&run, "run", "", "run only the checks whose full name matches this regular expression (see above); matching none is an error")
	test.Flags().StringVarP(&format, "format", "f", "text", "output format: "+strings.Join(ruletest.TestFormats, ", "))
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
	cmd.AddCommand(newRulesNew(g, s), newRulesExport(s), newRulesCheck(g, s))
	return cmd
}

func loadEngine(cmd *cobra.Command, g *globals, s *streams) (*evaluator.Engine, *config.Config, error) {
	c, err := g.settings(nil)
	if err != nil {
		return nil, nil, err
	}
	eng, err := engine(cmd.Context(), s, c, false, nil)
	return eng, c, err
}
