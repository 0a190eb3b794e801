package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/mattn/go-isatty"

	"github.com/sanctions-dev/sanctions/config"
	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/watch"
)

// watchLoop runs once, then again after every change to the files that paths names, until ctx
// is done (Ctrl-C), printing each run's errors and going on. The paths are computed before each
// run, so that a change during a run starts the next at once, and a config edit that names
// other rule directories is followed.
func watchLoop(ctx context.Context, s *streams, paths func() []string, once func() error) error {
	for {
		ps := paths()
		w, err := watch.New(ps)
		if err != nil {
			fmt.Fprintf(s.err, "sanctions: %v; trying again in a second\n", err)
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(time.Second):
				continue
			}
		}
		clearScreen(s)
		code := exitCode(once(), s.err)
		fmt.Fprintf(s.err, "sanctions: exit status %d at %s; watching %s for changes (Ctrl-C stops)\n",
			code, time.Now().Format("15:04:05"), strings.Join(ps, ", "))
		wctx, cancel := context.WithCancel(ctx)
		var changed []string
		w.Run(wctx, func(c []string) { changed = c; cancel() }, func(err error) { fmt.Fprintf(s.err, "sanctions: watching: %v\n", err) })
		cancel()
		w.Close()
		if ctx.Err() != nil {
			return nil
		}
		fmt.Fprintf(s.err, "sanctions: changed: %s\n", strings.Join(relative(changed), ", "))
	}
}

// watchPaths are what a watched run depends on: the config file (or where one would be found),
// the rule directories, and the given inputs.
func (g *globals) watchPaths(inputs []string) []string {
	var out []string
	c, err := g.settings(nil)
	if err == nil && c.File != "" {
		out = append(out, c.File)
	} else if g.configFile != "" {
		out = append(out, g.configFile)
	} else {
		for _, name := range config.FileNames {
			if _, err := os.Stat(name); err == nil {
				out = append(out, name)
			}
		}
	}
	if err == nil {
		if sources, err := library.Resolve(c.Rules.Paths); err == nil {
			out = append(out, ruleDirs(sources)...)
		}
	}
	for _, in := range inputs {
		if in != "-" {
			out = append(out, in)
		}
	}
	var existing []string
	for _, p := range out {
		if _, err := os.Stat(p); err == nil && !slices.Contains(existing, p) {
			existing = append(existing, p)
		}
	}
	return existing
}

// clearScreen starts each run on a clean terminal; elsewhere, runs follow each other.
func clearScreen(s *streams) {
	if f, ok := s.out.(*os.File); ok && isatty.IsTerminal(f.Fd()) {
		fmt.Fprint(s.out, "\033[H\033[2J")
	}
}

func relative(paths []string) []string {
	wd, _ := os.Getwd()
	out := make([]string, len(paths))
	for i, p := range paths {
		if r, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(r, "..") {
			p = r
		}
		out[i] = p
	}
	return out
}
