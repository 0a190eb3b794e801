package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/sanctions-dev/sanctions/config"
	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/library"
)

type streams struct {
	in       io.Reader
	out, err io.Writer
}

// globals are the flags every command shares.
type globals struct {
	configFile string
	rules      []string
}

func newRoot(s *streams) *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:   "sanctions",
		Short: "Check reported events against UN Security Council sanctions",
		Long: `sanctions checks reported events (transfers, launches, technical help, ...) against the
UN Security Council sanctions measures, written as Rego rules that are read at run time, and
reports each possible violation with its resolution and paragraph, the reasoning, the quotes,
the denials and a confidence. Findings are not legal determinations.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(s.in)
	root.SetOut(s.out)
	root.SetErr(s.err)
	root.PersistentFlags().StringVar(&g.configFile, "config", "", "config file (default: sanctions.yaml or config/sanctions.yaml when present)")
	root.PersistentFlags().StringArrayVar(&g.rules, "rules", nil, "rule library directory (repeatable; default: rules.paths, else ./rules, else the embedded copy)")
	root.AddCommand(newCheck(g, s), newTest(g, s), newRules(g, s), newImport(g, s), newBundle(g, s), newGen(s), newServe(g, s), newExtract(g, s), newVersion(s), newEvents(g, s))
	root.Version = toolInfo().Version
	root.SetVersionTemplate(versionLine)
	// cobra adds these when the command line runs; adding them now lets refuseStrays see them.
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	refuseStrays(root)
	return root
}

// settings reads the config file and environment, with the command's flags bound.
func (g *globals) settings(bind func(v *viper.Viper) error) (*config.Config, error) {
	v, err := config.New(g.configFile)
	if err != nil {
		return nil, withStatus(exitError, err)
	}
	if bind != nil {
		if err := bind(v); err != nil {
			return nil, withStatus(exitError, err)
		}
	}
	c, err := config.Load(v)
	if err != nil {
		return nil, withStatus(exitError, err)
	}
	if len(g.rules) > 0 {
		c.Rules.Paths = g.rules
	}
	return c, nil
}

// engine loads and compiles the rule library; problems in it end the command with status 2.
// Only check may leave out the rules that do not load (keepGoing), or keep the rules of some
// regimes only: a command that tests, lists, documents or bundles the rules must see every one
// of them.
func engine(ctx context.Context, s *streams, c *config.Config, keepGoing bool, regimes []string) (*evaluator.Engine, error) {
	sources, err := library.Resolve(c.Rules.Paths)
	if err != nil {
		return nil, withStatus(exitError, err)
	}
	eng, err := loadRules(ctx, c, sources, keepGoing, regimes)
	if err != nil {
		printProblems(s.err, "the rules did not load", err)
		return nil, withStatus(exitError, nil)
	}
	return eng, nil
}

// loadLibrary loads the rule library's tables, without compiling its rules (for extract, which
// reads only the tables); problems in it end the command with status 2.
func loadLibrary(ctx context.Context, s *streams, c *config.Config) (*library.Library, error) {
	sources, err := library.Resolve(c.Rules.Paths)
	if err != nil {
		return nil, withStatus(exitError, err)
	}
	lib, err := library.Load(ctx, sources...)
	if err != nil {
		printProblems(s.err, "the rules did not load", err)
		return nil, withStatus(exitError, nil)
	}
	return lib, nil
}

// loadRules loads the rule library from sources into an engine with the settings' limits.
func loadRules(ctx context.Context, c *config.Config, sources []library.Source, keepGoing bool, regimes []string) (*evaluator.Engine, error) {
	return evaluator.Load(ctx, evaluator.Options{Sources: sources, KeepGoing: keepGoing, EventTimeout: c.Limits.EventTimeout, Regimes: regimes})
}

// inputLimits are the settings' limits on inputs.
func inputLimits(c *config.Config) events.Limits { return c.Limits.Events() }

// ruleDirs are the directories among the rule sources (the embedded copy cannot change).
func ruleDirs(sources []library.Source) []string {
	var dirs []string
	for _, src := range sources {
		if src.Name != library.EmbeddedName {
			dirs = append(dirs, src.Name)
		}
	}
	return dirs
}

func printProblems(w io.Writer, what string, err error) {
	probs := diag.Problems(err)
	io.WriteString(w, "sanctions: "+what+":\n")
	for _, p := range probs {
		io.WriteString(w, "  "+p.Error()+"\n")
	}
}
