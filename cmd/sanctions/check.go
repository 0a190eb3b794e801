package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/sanctions-dev/sanctions/config"
	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/atomicfile"
	"github.com/sanctions-dev/sanctions/internal/baseline"
	"github.com/sanctions-dev/sanctions/internal/checkrun"
	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/progress"
	"github.com/sanctions-dev/sanctions/internal/report"
)

func newCheck(g *globals, s *streams) *cobra.Command {
	var writeBaseline, useBaseline string
	var outputs []string
	var quiet, watching, onlyFlagged bool
	var severities []string
	cmd := &cobra.Command{
		Use:   "check PATH...",
		Short: "Check event files against the rules and report findings",
		Long: `Check reads events from files, directories (searched recursively for .yaml, .yml, .json,
.ndjson and .jsonl files) or standard input (-), evaluates every rule on every event, and reports
the findings.

Exit status: 0 when no finding is at or above --fail-on and there is no error; 1 when there are
findings at or above --fail-on; 2 on any error (bad usage, an invalid input, a rule that fails),
after evaluating every valid event.`,
		Example: `  sanctions check fixtures/
  sanctions check --format json --fail-on high events.ndjson
  sanctions check -o sarif=sanctions.sarif -o junit=sanctions.xml -o html=sanctions.html fixtures/
  sanctions extract article.txt | sanctions check --input-format yaml -`,
		Args: needInputs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("show-exempted") {
				fmt.Fprintln(s.err, "sanctions: --show-exempted is no longer needed: exempted findings are always listed under their event")
			}
			once := func() error {
				var vp *viper.Viper // the settings, to say where a bad value came from
				from := func(key, flag string) string { return config.Source(vp, key, cmd.Flags().Lookup(flag)) }
				c, err := g.settings(func(v *viper.Viper) error {
					vp = v
					for key, flag := range map[string]string{
						"check.format": "format", "check.fail_on": "fail-on",
						"check.input_format": "input-format", "check.workers": "workers",
						"check.keep_going": "keep-going", "limits.event_timeout": "event-timeout",
						"check.regimes": "regime",
					} {
						if err := v.BindPFlag(key, cmd.Flags().Lookup(flag)); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					return err
				}
				failOn, err := parseFailOn(c.Check.FailOn)
				if err != nil {
					return withStatus(exitError, fmt.Errorf("%s: %w", from("check.fail_on", "fail-on"), err))
				}
				inFormat, err := events.ParseFormat(c.Check.InputFormat)
				if err != nil {
					return withStatus(exitError, fmt.Errorf("%s: %w", from("check.input_format", "input-format"), err))
				}
				eng, err := engine(cmd.Context(), s, c, c.Check.KeepGoing, c.Check.Regimes)
				if err != nil {
					return err
				}
				outs, err := parseOutputs(outputs, c.Check.Format)
				if err != nil {
					return withStatus(exitError, err)
				}
				shown, err := report.ParseSeverities(severities)
				if err != nil {
					return withStatus(exitError, fmt.Errorf("--severity: %w", err))
				}
				display := report.Display{OnlyFlagged: onlyFlagged, Severities: shown}
				renderers := make([]report.Renderer, len(outs))
				for i, o := range outs {
					opts := report.Options{Quiet: quiet, Color: o.Path == "-" && colorFor(s.out),
						CategoryColours: eng.Library().CategoryColours(), CategoryLabels: eng.Library().CategoryTitles()}
					if renderers[i], err = report.Lookup(o.Format, opts); err != nil {
						return withStatus(exitError, fmt.Errorf("%s: %w", from("check.format", "format"), err))
					}
				}
				inputs, err := checkrun.Paths(args, checkrun.Reader("-", inFormat, s.in))
				if err != nil {
					return withStatus(exitError, err)
				}
				run := &checkrun.Check{Inputs: inputs, Workers: c.Check.Workers, Limits: inputLimits(c)}
				// The verdicts flow: check run -> recorder (--write-baseline) -> filter (--baseline)
				// -> one writer per output.
				targets := make([]*target, len(outs))
				tee := make(report.Tee, len(outs))
				for i, o := range outs {
					rep := checkrun.NewReport(eng)
					rep.Tool = toolInfo()
					if report.ForPeople(o.Format) {
						rep.SetDisplay(display)
					}
					t, err := o.open(s.out, renderers[i], rep)
					if err != nil {
						return withStatus(exitError, err)
					}
					defer t.abort()
					targets[i], tee[i] = t, t.Writer
				}
				var sink report.Sink = tee
				if len(tee) == 1 {
					sink = tee[0]
				}
				var filter *baseline.Filter
				if useBaseline != "" {
					b, err := baseline.Load(useBaseline)
					if err != nil {
						return withStatus(exitError, fmt.Errorf("--baseline: %w", err))
					}
					filter = b.Filter(sink, time.Now()) // entries apply through their expiry day, local time
					sink = filter
				}
				var recorder *baseline.Recorder
				if writeBaseline != "" {
					// The entries written again keep their reason and expiry: read them before the run,
					// so that a file that does not load stops it before anything is overwritten.
					previous, err := baseline.LoadIfExists(writeBaseline)
					if err != nil {
						return withStatus(exitError, fmt.Errorf("--write-baseline: %w", err))
					}
					recorder = baseline.NewRecorder(sink, previous)
					sink = recorder
				}
				// A progress line on standard error when it is a terminal that the report itself is
				// not scrolling through (cleared when the run ends).
				toTerminal := isTerminal(s.out) && slices.ContainsFunc(outs, func(o output) bool { return o.Path == "-" })
				var meter *progress.Meter
				if !quiet && isTerminal(s.err) && !toTerminal {
					tick := time.NewTicker(500 * time.Millisecond)
					defer tick.Stop()
					meter = progress.Start(s.err, sink, tick.C, time.Now)
					sink = meter
				}
				err = run.RunTo(cmd.Context(), eng, sink)
				if meter != nil {
					meter.Stop()
				}
				interrupted := err != nil && cmd.Context().Err() != nil
				if interrupted {
					// SIGINT or SIGTERM: the reports still end well formed, with what was judged,
					// and say the run was cut short (exit 2); no baseline is written from it.
					p := &diag.Problem{Message: "interrupted (SIGINT or SIGTERM): the report holds the events judged before; the rest were not read or judged"}
					if err := tee.Error(p); err != nil {
						return withStatus(exitError, err)
					}
					recorder = nil
				} else if err != nil {
					return withStatus(exitError, err)
				}
				for _, t := range targets {
					if filter != nil {
						t.Report.Baseline = filter.Info(useBaseline)
					}
					if err := t.finish(); err != nil {
						return withStatus(exitError, err)
					}
				}
				rep := targets[0].Report // every output's report holds the same counts and errors
				if recorder != nil {
					var buf bytes.Buffer
					if err := recorder.File.Write(&buf); err != nil {
						return withStatus(exitError, err)
					}
					if err := atomicfile.WriteFile(writeBaseline, buf.Bytes(), 0o644); err != nil {
						return withStatus(exitError, err)
					}
				}
				switch {
				case len(rep.Errors) > 0:
					return withStatus(exitError, nil)
				case failOn != "" && rep.Worst().Rank() >= failOn.Rank():
					return withStatus(exitFindings, nil)
				}
				return nil
			}
			if !watching {
				return once()
			}
			if slices.Contains(args, "-") {
				return withStatus(exitError, errors.New("--watch cannot watch standard input: give files or directories"))
			}
			return watchLoop(cmd.Context(), s, func() []string { return g.watchPaths(args) }, once)
		},
	}
	f := cmd.Flags()
	d := config.Default() // the one place defaults are written: config/defaults.yaml
	f.StringP("format", "f", d.Check.Format, "report format: "+strings.Join(report.Names(), ", "))
	f.String("fail-on", d.Check.FailOn, "exit 1 when a finding is at or above this severity: critical, high, medium, low, info, or never")
	f.String("input-format", d.Check.InputFormat, "format of standard input (-): auto (sniffed from its first bytes), yaml, json or ndjson")
	f.Int("workers", d.Check.Workers, "evaluations at once (0: one per CPU)")
	f.Bool("keep-going", d.Check.KeepGoing, "leave out the rules that do not load, report them (exit 2), and run the others")
	f.StringSlice("regime", d.Check.Regimes, "run only the rules of these regimes, e.g. IRAN or DPRK,IRAN (default: every regime)")
	f.Duration("event-timeout", d.Limits.EventTimeout, "time limit of the rules' evaluation of one event (0: none)")
	f.StringArrayVarP(&outputs, "output", "o", nil, "write the report to this file instead of standard output; FORMAT=FILE writes one more report, in FORMAT, beside the --format one (repeatable; FORMAT=- for standard output)")
	f.BoolVarP(&quiet, "quiet", "q", false, "text format: print only the summary; no progress line")
	f.BoolVar(&onlyFlagged, "only-flagged", false, "text, markdown and html: list only the events with findings (the summary still counts every event)")
	f.StringSliceVar(&severities, "severity", nil, "text, markdown and html: show only findings of these severities, e.g. critical,high (the summary, the exit status and the other formats keep all)")
	f.Bool("show-exempted", false, "no longer needed: exempted findings are always listed under their event")
	_ = f.MarkHidden("show-exempted")
	f.StringVar(&writeBaseline, "write-baseline", "", "record the findings (by event id and rule id) in this file, to accept them; the entries it already holds keep their reason and expiry")
	f.BoolVarP(&watching, "watch", "w", false, "run again whenever a rule, data table, config file or input changes (Ctrl-C stops)")
	f.StringVar(&useBaseline, "baseline", "", "report, and fail on, only the findings this baseline file does not hold; list its entries that no longer occur")
	return cmd
}

// parseFailOn reads --fail-on, in any case; "never" gives "".
func parseFailOn(s string) (evaluator.Severity, error) {
	s = strings.ToLower(s)
	if s == "never" {
		return "", nil
	}
	if _, err := evaluator.ParseSeverity(s); err != nil {
		return "", fmt.Errorf("unknown severity %q (want critical, high, medium, low, info or never)", s)
	}
	return evaluator.Severity(s), nil
}

// colorFor says whether the text report may use colours: only on a terminal, and never when
// NO_COLOR is set (https://no-color.org).
func colorFor(out io.Writer) bool {
	return os.Getenv("NO_COLOR") == "" && isTerminal(out)
}

// isTerminal says whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}
