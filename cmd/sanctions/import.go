package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sanctions-dev/sanctions/internal/atomicfile"
	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/phrase"
	"github.com/sanctions-dev/sanctions/internal/unlist"
)

// defaultListURL is where the UN publishes the Consolidated List.
const defaultListURL = "https://www.un.org/securitycouncil/content/un-sc-consolidated-list"

func newImport(g *globals, s *streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import",
		Short: "Import data tables from official sources",
	}
	var (
		output, retrieved string
		regimes           []string
		force             bool
		src               unlist.Source
	)
	unList := &cobra.Command{
		Use:   "un-list FILE.xml",
		Short: "Convert the UN Security Council Consolidated List (XML) into the designations table",
		Long: `un-list reads the UN Security Council Consolidated List in its XML form and writes the
designations of the regimes asked for (reference number, names, aliases, type, listed and
delisted dates, country codes, comments) as the rule library's designations table, sorted by
reference, with the list as its source and the list's date as its snapshot. --source-url says
where the list was published (the UN's page by default); --source-repository, --source-path and
--source-commit record a copy of it in a public repository when FILE is that copy.

The table is written to the rule library in use: data/designations.json of the first --rules
directory (or of rules.paths in the config file), else of ./rules when it exists. --output FILE
writes elsewhere, --output - to standard output.

An existing table is not replaced unless --force is given; the command says what it would
replace. The list has no vessels: the vessels of the table being replaced (they come from the
1718 Committee's vessel designations) are kept, with their sources. A list with no entry of the
regimes asked for is refused (exit status 2).`,
		Example: `  sanctions import un-list consolidated.xml   # exit 2 when the table exists: give --force
  sanctions import un-list --force consolidated.xml
  sanctions rules export my-rules
  sanctions import un-list --rules my-rules --force --retrieved 2025-11-18 consolidated.xml
  sanctions import un-list --regime DPRK --output - consolidated.xml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if retrieved == "" {
				retrieved = time.Now().UTC().Format(time.DateOnly)
			} else if _, err := time.Parse(time.DateOnly, retrieved); err != nil {
				return withStatus(exitError, fmt.Errorf("--retrieved %q: want a date like 2025-11-18", retrieved))
			}
			target, base, err := importTarget(g, output)
			if err != nil {
				return withStatus(exitError, err)
			}
			f, err := os.Open(args[0])
			if err != nil {
				return withStatus(exitError, err)
			}
			defer f.Close()
			src.Title = "UN Security Council Consolidated List (XML)"
			src.Publisher = "United Nations Security Council"
			src.File = filepath.Base(args[0])
			src.Retrieved = retrieved
			// Country names the UN's spellings table lacks are looked up in the rule library's
			// countries table (names and aliases), as events' are: the library in use, or, when
			// there is none yet (a directory to write the first table to), the embedded one.
			lib, err := importCountries(cmd.Context(), g)
			if err != nil {
				return err
			}
			countries := func(name string) (string, bool) {
				code, ok := lib.Countries[phrase.Key(name)]
				return code, ok
			}
			res, err := unlist.FromUNList(f, src, regimes, countries)
			if errors.Is(err, unlist.ErrEmpty) {
				return withStatus(exitError, fmt.Errorf("%s: %w; nothing written (is it the UN Consolidated List, and is --regime right?)", args[0], err))
			}
			if err != nil {
				return withStatus(exitError, fmt.Errorf("%s: %w", args[0], err))
			}
			for _, w := range res.Warnings {
				fmt.Fprintf(s.err, "sanctions: warning: %s\n", w)
			}
			list := res.List
			var old *unlist.List
			if base != "" {
				if old, err = readTable(base); err != nil {
					return withStatus(exitError, err)
				}
			}
			if target != "-" && old != nil {
				if !force {
					return withStatus(exitError, fmt.Errorf("%s already holds %s (snapshot %s); give --force to replace it with %d designations of %s (snapshot %s)",
						target, counts(old), old.Snapshot, len(list.Designations), args[0], list.Snapshot))
				}
			}
			list, kept := unlist.Merge(old, list)
			var buf bytes.Buffer
			if err := list.Write(&buf); err != nil {
				return withStatus(exitError, err)
			}
			if target == "-" {
				_, err = s.out.Write(buf.Bytes())
				return err
			}
			if old != nil {
				fmt.Fprintf(s.err, "sanctions: warning: replacing %s (%s, snapshot %s)\n", target, counts(old), old.Snapshot)
			}
			if err := writeFile(target, buf.Bytes()); err != nil {
				return withStatus(exitError, err)
			}
			msg := fmt.Sprintf("wrote %d designations (%v) to %s", len(list.Designations)-kept, regimes, target)
			if kept > 0 {
				msg += fmt.Sprintf(", and kept the %d vessels of the table it replaced", kept)
			}
			fmt.Fprintln(s.err, msg)
			return nil
		},
	}
	unList.Flags().StringVarP(&output, "output", "o", "", "where to write the table (- for standard output; default: data/designations.json of the rule library)")
	unList.Flags().StringSliceVar(&regimes, "regime", []string{"DPRK"}, "regimes to keep (UN_LIST_TYPE; repeatable)")
	unList.Flags().BoolVar(&force, "force", false, "replace an existing table")
	unList.Flags().StringVar(&src.URL, "source-url", defaultListURL, "where the list was published (recorded as the table's source)")
	unList.Flags().StringVar(&src.Repository, "source-repository", "", "the public repository (owner/name) whose copy of the list FILE is, if it is one")
	unList.Flags().StringVar(&src.Path, "source-path", "", "the copy's path in --source-repository")
	unList.Flags().StringVar(&src.Commit, "source-commit", "", "the commit of --source-repository the copy was read at")
	unList.Flags().StringVar(&retrieved, "retrieved", "", "the date the list was downloaded (default: today)")
	cmd.AddCommand(unList)
	return cmd
}

// importTarget is where un-list writes ("-" for standard output) and the table whose vessels it
// keeps ("" when there is none): the output file, else the rule library's table.
func importTarget(g *globals, output string) (target, base string, err error) {
	if output != "" && output != "-" {
		return output, existing(output), nil
	}
	c, err := g.settings(nil)
	if err != nil {
		return "", "", err
	}
	dir := ""
	if len(c.Rules.Paths) > 0 {
		dir = c.Rules.Paths[0]
	} else if info, err := os.Stat("rules"); err == nil && info.IsDir() {
		dir = "rules"
	}
	if output == "-" {
		if dir == "" {
			return "-", "", nil
		}
		return "-", existing(filepath.Join(dir, "data", "designations.json")), nil
	}
	if dir == "" {
		return "", "", fmt.Errorf("no rule library directory to write to (no --rules, no rules.paths, no ./rules): give --rules DIR or --output FILE")
	}
	if _, err := library.Resolve([]string{dir}); err != nil {
		return "", "", err
	}
	target = filepath.Join(dir, "data", "designations.json")
	return target, existing(target), nil
}

func existing(p string) string {
	if _, err := os.Stat(p); err == nil {
		return p
	}
	return ""
}

func readTable(p string) (*unlist.List, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	l, err := unlist.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: not a designations table (%w); move it away or give --output", p, err)
	}
	return l, nil
}

// counts says what a table holds: "80 individuals, 75 entities, 7 vessels".
func counts(l *unlist.List) string {
	n := l.Count()
	var parts []string
	for _, k := range []string{"individual", "entity", "vessel"} {
		if n[k] > 0 {
			word := k + "s"
			if k == "entity" {
				word = "entities"
			}
			parts = append(parts, fmt.Sprintf("%d %s", n[k], word))
		}
	}
	if len(parts) == 0 {
		return "no designations"
	}
	return strings.Join(parts, ", ")
}

// writeFile replaces p with data whole, so that a failed write leaves the old table whole.
func writeFile(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return atomicfile.WriteFile(p, data, 0o644)
}

// importCountries is the library whose countries table codes the list's country names: the one
// in use when it loads, else the embedded copy.
func importCountries(ctx context.Context, g *globals) (*library.Library, error) {
	c, err := g.settings(nil)
	if err != nil {
		return nil, err
	}
	if sources, err := library.Resolve(c.Rules.Paths); err == nil {
		if lib, err := library.Load(ctx, sources...); err == nil {
			return lib, nil
		}
	}
	return library.Load(ctx, library.Embedded())
}
