package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/spf13/cobra"
)

// The documented commands, and how TestDocsExamples finds and runs them (docs/design.md,
// "Writing docs", says the same for writers):
//
//   - Every line of a command's Example (its --help) that starts with "sanctions " runs; the other
//     lines (opa, curl) are shown, not run. Help examples may not be skipped.
//   - In README.md and docs/*.md, fenced blocks with the info string sh (shell, bash) or console:
//     a line that starts with the program, after an optional "$ " prompt, runs. In a console
//     block only the "$ " lines are commands (the rest is output). The program is spelled
//     sanctions, bin/sanctions or go run ./cmd/sanctions: all three run the binary under test.
//   - A trailing comment marks a line: "# exit N" (N any status, e.g. "# exit 2: no --force")
//     requires that status; "# not run: REASON" skips the line, and the test lists it. Unmarked,
//     a line must exit 0 or 1 (1: findings); 2 is bad usage or an error.
//   - The lines of one help Example, or of one Markdown block, run in order in one fresh copy of
//     the repository, so that a line may use what an earlier one wrote. The copy also holds the
//     sample inputs the docs name (docSamples). A command may not name an absolute path (it
//     would write outside the copy), /dev/ aside. Standard input is empty.
//   - `sanctions serve` runs until /readyz answers 200, then gets SIGTERM and must exit 0. Its
//     port is a free one: SANCTIONS_SERVE_ADDR is 127.0.0.1:PORT and ":8480" in the line becomes
//     ":PORT", so that the test never meets another server.

// docSamples are the inputs the docs name, in the working directory of every documented command.
var docSamples = []string{"article.txt", "story.html", "event.json", "events.ndjson", "events/", "consolidated.xml"}

// docTimeout bounds one documented command; one that runs until stopped needs "# not run:".
const docTimeout = 2 * time.Minute

type docCommand struct {
	where string // README.md:21, or "sanctions check --help"
	line  string // as written, without the prompt
	run   string // the shell line that runs: the comment removed, the program spelled sanctions
	exit  int    // the status "# exit N" requires, or -1: 0 or 1
	skip  string // why the line is not run ("# not run: REASON"), or ""
}

type docBlock struct {
	where    string
	commands []docCommand
	shown    []string // lines that are not commands of the program: shown, not run
}

var (
	docProgram   = regexp.MustCompile(`^(?:sanctions|\./bin/sanctions|bin/sanctions|go run \./cmd/sanctions)(?:\s|$)`)
	docSpellings = regexp.MustCompile(`(^|[\s|;&(])(?:\./bin/sanctions|bin/sanctions|go run \./cmd/sanctions)(\s|$)`)
	docExitMark  = regexp.MustCompile(`^exit (\d+)\b`)
	docSkipMark  = regexp.MustCompile(`^not run:\s*(.*)$`)
)

// splitShellComment splits a shell line at its comment: a # outside quotes, at the start or
// after a blank.
func splitShellComment(line string) (code, comment string) {
	var quote rune
	escaped := false
	for i, r := range line {
		switch {
		case escaped:
			escaped = false
		case r == '\\' && quote != '\'':
			escaped = true
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
		case r == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return strings.TrimSpace(line[:i]), strings.TrimSpace(line[i+1:])
		}
	}
	return strings.TrimSpace(line), ""
}

// parseDocCommand reads one line; ok is false for a line that is not a command of the program.
func parseDocCommand(where, line string) (c docCommand, ok bool, err error) {
	code, comment := splitShellComment(line)
	if !docProgram.MatchString(code) {
		return c, false, nil
	}
	c = docCommand{where: where, line: strings.TrimSpace(line), exit: -1}
	c.run = docSpellings.ReplaceAllString(code, "${1}sanctions${2}")
	for _, f := range strings.Fields(strings.NewReplacer("=", " ", ">", " ", "<", " ").Replace(c.run)) {
		if f = strings.Trim(f, `'"`); (strings.HasPrefix(f, "/") || strings.HasPrefix(f, "~")) && !strings.HasPrefix(f, "/dev/") {
			return c, true, fmt.Errorf("%s: %q names %s, outside the working directory: use a relative path (the test runs the line in a copy of the repository)", where, line, f)
		}
	}
	if m := docExitMark.FindStringSubmatch(comment); m != nil {
		c.exit, _ = strconv.Atoi(m[1])
	}
	if m := docSkipMark.FindStringSubmatch(comment); m != nil {
		if c.skip = strings.TrimSpace(m[1]); c.skip == "" {
			return c, true, fmt.Errorf("%s: %q: say why after \"# not run:\"", where, line)
		}
	}
	return c, true, nil
}

// helpBlocks are the Examples of every command under root, one block per command.
func helpBlocks(root *cobra.Command) ([]docBlock, error) {
	var blocks []docBlock
	var errs []error
	var walk func(*cobra.Command)
	walk = func(cmd *cobra.Command) {
		if cmd.Example != "" {
			b := docBlock{where: cmd.CommandPath() + " --help"}
			for _, raw := range strings.Split(cmd.Example, "\n") {
				line := strings.TrimSpace(raw)
				if line == "" {
					continue
				}
				c, ok, err := parseDocCommand(b.where, line)
				switch {
				case err != nil:
					errs = append(errs, err)
				case !ok || !strings.HasPrefix(line, "sanctions "):
					b.shown = append(b.shown, line)
				case c.skip != "":
					errs = append(errs, fmt.Errorf("%s: %q: an example in --help must run (no \"# not run:\")", b.where, line))
				default:
					b.commands = append(b.commands, c)
				}
			}
			blocks = append(blocks, b)
		}
		for _, sub := range cmd.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return blocks, errors.Join(errs...)
}

// markdownBlocks are the command blocks of a Markdown file (name is how to cite it).
func markdownBlocks(name, text string) ([]docBlock, error) {
	var blocks []docBlock
	var errs []error
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		open := strings.TrimLeft(lines[i], " ")
		if !strings.HasPrefix(open, "```") && !strings.HasPrefix(open, "~~~") {
			continue
		}
		indent := len(lines[i]) - len(open)
		fence := open[:len(open)-len(strings.TrimLeft(open, open[:1]))]
		info := strings.ToLower(strings.Fields(open[len(fence):] + " -")[0])
		start := i + 1
		var body []string
		for i++; i < len(lines); i++ {
			if end := strings.TrimSpace(lines[i]); strings.HasPrefix(end, fence) && strings.Trim(end, fence[:1]) == "" {
				break
			}
			body = append(body, strings.TrimPrefix(lines[i], strings.Repeat(" ", indent)))
		}
		console := info == "console"
		if !console && info != "sh" && info != "shell" && info != "bash" {
			continue
		}
		b := docBlock{where: fmt.Sprintf("%s:%d", name, start)}
		for j := 0; j < len(body); j++ {
			n, line := start+j+1, body[j]
			if !console {
				for strings.HasSuffix(line, `\`) && j+1 < len(body) {
					j++
					line = strings.TrimRight(strings.TrimSuffix(line, `\`), " ") + " " + strings.TrimSpace(body[j])
				}
			}
			prompt := strings.HasPrefix(line, "$ ")
			if console && !prompt {
				continue // output
			}
			line = strings.TrimPrefix(line, "$ ")
			if strings.TrimSpace(line) == "" {
				continue
			}
			c, ok, err := parseDocCommand(fmt.Sprintf("%s:%d", name, n), line)
			switch {
			case err != nil:
				errs = append(errs, err)
			case ok:
				b.commands = append(b.commands, c)
			default:
				if code, _ := splitShellComment(line); code != "" {
					b.shown = append(b.shown, strings.TrimSpace(line))
				}
			}
		}
		blocks = append(blocks, b)
	}
	return blocks, errors.Join(errs...)
}

func TestDocsMarkers(t *testing.T) {
	md := strings.Join([]string{
		"```sh",
		"go run ./cmd/sanctions check fixtures/    # the main job (exit status 1: findings)",
		"bin/sanctions rules test --run '(?i)a#b' \\",
		"  --format json > out.json   # exit 1",
		"sanctions serve --addr 0.0.0.0:8480   # not run: waits for requests",
		"curl -s localhost:8480/healthz",
		"sanctions gen | bin/sanctions check -",
		"```",
		"",
		"  ```console",
		"  $ sanctions import un-list x.xml   # exit 2: no --force",
		"  sanctions: rules/data/designations.json already holds ...",
		"  ```",
		"```yaml",
		"sanctions: not a command",
		"```",
	}, "\n")
	blocks, err := markdownBlocks("x.md", md)
	if err != nil {
		t.Fatal(err)
	}
	got := ""
	for _, b := range blocks {
		got += b.where + "\n"
		for _, c := range b.commands {
			got += fmt.Sprintf("  %s run=%q exit=%d skip=%q\n", c.where, c.run, c.exit, c.skip)
		}
		for _, s := range b.shown {
			got += "  shown " + s + "\n"
		}
	}
	want := `x.md:1
  x.md:2 run="sanctions check fixtures/" exit=-1 skip=""
  x.md:3 run="sanctions rules test --run '(?i)a#b' --format json > out.json" exit=1 skip=""
  x.md:5 run="sanctions serve --addr 0.0.0.0:8480" exit=-1 skip="waits for requests"
  x.md:7 run="sanctions gen | sanctions check -" exit=-1 skip=""
  shown curl -s localhost:8480/healthz
x.md:10
  x.md:11 run="sanctions import un-list x.xml" exit=2 skip=""
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	for _, bad := range []string{"sanctions serve # not run:", "sanctions rules export /tmp/my-rules", "sanctions check -o html=/tmp/x.html f"} {
		if _, err := markdownBlocks("y.md", "```sh\n"+bad+"\n```\n"); err == nil {
			t.Errorf("%q is accepted", bad)
		}
	}
	if _, err := markdownBlocks("y.md", "```sh\nsanctions gen > /dev/null\n```\n"); err != nil {
		t.Error(err)
	}
	root := &cobra.Command{Use: "sanctions"}
	root.AddCommand(&cobra.Command{Use: "serve", Example: "  sanctions serve   # not run: a server", Run: func(*cobra.Command, []string) {}})
	if _, err := helpBlocks(root); err == nil {
		t.Error("a skipped --help example is accepted")
	}
}

// TestDocsExamples runs every example of every command's --help and every command that README.md
// and docs/*.md give in a command block (the conventions are at the top of this file), each in a
// copy of the repository, and requires each to exit 0 or 1, or the status its line marks.
func TestDocsExamples(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	blocks, err := helpBlocks(newRoot(&streams{}))
	if err != nil {
		t.Fatal(err)
	}
	helpCommands := 0
	for _, b := range blocks {
		if len(b.commands) == 0 {
			t.Errorf("%s: no example starts with \"sanctions \"", b.where)
		}
		helpCommands += len(b.commands)
	}
	docs, _ := filepath.Glob(filepath.Join(repo, "docs", "*.md"))
	for _, file := range append([]string{filepath.Join(repo, "README.md")}, docs...) {
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(repo, file)
		bs, err := markdownBlocks(rel, string(text))
		if err != nil {
			t.Error(err)
		}
		for _, b := range bs {
			if len(b.commands) > 0 || len(b.shown) > 0 {
				blocks = append(blocks, b)
			}
		}
	}
	if helpCommands < 20 || len(blocks) < 20 {
		t.Fatalf("found %d help examples and %d blocks in all: the parsing lost them", helpCommands, len(blocks))
	}

	env := newDocEnv(t, repo)
	var ran, skipped, shown []string
	for _, b := range blocks {
		for _, s := range b.shown {
			shown = append(shown, fmt.Sprintf("%s: %s", b.where, s))
		}
		var run []docCommand
		for _, c := range b.commands {
			if c.skip != "" {
				skipped = append(skipped, fmt.Sprintf("%s: %s (%s)", c.where, c.line, c.skip))
			} else {
				run = append(run, c)
				ran = append(ran, c.where)
			}
		}
		if len(run) == 0 {
			continue
		}
		t.Run(b.where, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "repo")
			if err := copyDocTree(env.template, dir); err != nil {
				t.Fatal(err)
			}
			for _, c := range run {
				env.run(t, dir, c)
			}
		})
	}
	t.Logf("ran %d commands (%d from --help); skipped %d:", len(ran), helpCommands, len(skipped))
	for _, s := range skipped {
		t.Logf("  skipped %s", s)
	}
	t.Logf("shown in command blocks but not commands of the program, not run: %d", len(shown))
	for _, s := range shown {
		t.Logf("  shown %s", s)
	}
}

// docEnv is where documented commands run: a copy of the repository with the samples, and a
// sanctions on PATH that records each exit status.
type docEnv struct {
	template string // the repository copy with the samples; each block copies it
	binary   string // the sanctions binary (testscript's copy of this test binary)
	env      []string
	status   string // the file the wrapper appends each sanctions exit status to
}

func newDocEnv(t *testing.T, repo string) *docEnv {
	binary, err := exec.LookPath("sanctions") // put on PATH by testscript.Main (TestMain)
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	e := &docEnv{template: filepath.Join(tmp, "repo"), binary: binary, status: filepath.Join(tmp, "status")}
	wrapDir := filepath.Join(tmp, "bin")
	wrapper := "#!/bin/sh\n\"$DOCTEST_SANCTIONS\" \"$@\"\nstatus=$?\necho \"$status\" >> \"$DOCTEST_STATUS\"\nexit $status\n"
	if err := os.MkdirAll(wrapDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(wrapDir, "sanctions"), []byte(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "SANCTIONS_") && !strings.HasPrefix(kv, "NO_COLOR=") && !strings.HasPrefix(kv, "PATH=") {
			e.env = append(e.env, kv)
		}
	}
	e.env = append(e.env, "NO_COLOR=1", "PATH="+wrapDir+string(os.PathListSeparator)+os.Getenv("PATH"),
		"DOCTEST_SANCTIONS="+binary, "DOCTEST_STATUS="+e.status)

	if err := copyDocTree(repo, e.template); err != nil {
		t.Fatal(err)
	}
	// The samples the docs name (docSamples).
	copyFile := func(from, to string) {
		data, err := os.ReadFile(filepath.Join(repo, from))
		if err == nil {
			err = os.MkdirAll(filepath.Dir(filepath.Join(e.template, to)), 0o755)
		}
		if err == nil {
			err = os.WriteFile(filepath.Join(e.template, to), data, 0o644)
		}
		if err != nil {
			t.Fatalf("sample %s: %v", to, err)
		}
	}
	copyFile("testdata/extract/00-seed-efe.txt", "article.txt")
	copyFile("internal/unlist/testdata/consolidated-dprk-sample.xml", "consolidated.xml")
	copyFile("fixtures/seed/efe-2024-01-15.yaml", "events/efe-2024-01-15.yaml")
	story, err := os.ReadFile(filepath.Join(repo, "testdata/extract/01-chong-chon-gang.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var page strings.Builder
	page.WriteString("<!doctype html>\n<html><head><title>Panama seizes North Korean ship</title></head><body>\n")
	for _, p := range strings.Split(string(story), "\n\n") {
		page.WriteString("<p>" + html.EscapeString(strings.TrimSpace(p)) + "</p>\n")
	}
	page.WriteString("</body></html>\n")
	if err := os.WriteFile(filepath.Join(e.template, "story.html"), []byte(page.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary, "events", "export", "--format", "ndjson", "fixtures/seed")
	cmd.Dir, cmd.Env = e.template, e.env
	ndjson, err := cmd.Output()
	if err != nil || bytes.Count(ndjson, []byte("\n")) < 2 {
		t.Fatalf("the samples events.ndjson and event.json: sanctions events export: %v\n%s", err, ndjson)
	}
	first, _, _ := bytes.Cut(ndjson, []byte("\n"))
	for name, data := range map[string][]byte{"events.ndjson": ndjson, "event.json": append(first, '\n')} {
		if err := os.WriteFile(filepath.Join(e.template, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range docSamples {
		if _, err := os.Stat(filepath.Join(e.template, s)); err != nil {
			t.Fatal(err)
		}
	}
	return e
}

// run runs one documented command in dir.
func (e *docEnv) run(t *testing.T, dir string, c docCommand) {
	t.Helper()
	if f := strings.Fields(c.run); len(f) > 1 && f[1] == "serve" && !strings.ContainsAny(c.run, "|&;<>$'\"`\\") {
		e.serve(t, dir, c, f[1:])
		return
	}
	os.Remove(e.status)
	ctx, cancel := context.WithTimeout(context.Background(), docTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "sh", "-c", c.run)
	cmd.Dir, cmd.Env = dir, e.env
	var out tailBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	start := time.Now()
	err := cmd.Run()
	status := 0
	var ee *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Errorf("%s: %s: did not end within %v (a command that runs until stopped needs \"# not run: REASON\")\n%s", c.where, c.line, docTimeout, out.String())
		return
	case errors.As(err, &ee):
		status = ee.ExitCode()
	case err != nil:
		t.Fatalf("%s: %s: %v", c.where, c.line, err)
	}
	data, _ := os.ReadFile(e.status)
	var statuses []int
	for _, f := range strings.Fields(string(data)) {
		n, _ := strconv.Atoi(f)
		statuses = append(statuses, n)
	}
	t.Logf("%s: %s: exit %d (%v)", c.where, c.run, status, time.Since(start).Round(time.Millisecond))
	switch {
	case len(statuses) == 0:
		t.Errorf("%s: %s: ran no sanctions (exit %d)\n%s", c.where, c.line, status, out.String())
	case c.exit >= 0 && status != c.exit:
		t.Errorf("%s: %s: exit %d, the line says exit %d\n%s", c.where, c.line, status, c.exit, out.String())
	case c.exit < 0 && status > 1:
		t.Errorf("%s: %s: exit %d (want 0, or 1 for findings; mark another status with \"# exit N\")\n%s", c.where, c.line, status, out.String())
	case c.exit < 0:
		for _, s := range statuses {
			if s > 1 {
				t.Errorf("%s: %s: a sanctions in the line exits %d (want 0 or 1)\n%s", c.where, c.line, s, out.String())
			}
		}
	}
}

// serve runs `sanctions serve ...` until it is ready, stops it with SIGTERM and requires exit 0.
func (e *docEnv) serve(t *testing.T, dir string, c docCommand, args []string) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	_, port, _ := net.SplitHostPort(l.Addr().String())
	l.Close()
	for i := range args {
		args[i] = strings.ReplaceAll(args[i], ":8480", ":"+port)
	}
	cmd := exec.Command(e.binary, args...)
	cmd.Dir = dir
	cmd.Env = append(append([]string{}, e.env...), "SANCTIONS_SERVE_ADDR=127.0.0.1:"+port)
	var out tailBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan int, 1)
	go func() {
		cmd.Wait()
		exited <- cmd.ProcessState.ExitCode()
	}()
	want := c.exit
	if want < 0 {
		want = 0
	}
	deadline := time.After(60 * time.Second)
	for ready := false; !ready; {
		select {
		case code := <-exited:
			if code != want || c.exit < 0 {
				t.Errorf("%s: %s: exited %d before it was ready\n%s", c.where, c.line, code, out.String())
			}
			return
		case <-deadline:
			cmd.Process.Kill()
			<-exited
			t.Errorf("%s: %s: not ready within 60s\n%s", c.where, c.line, out.String())
			return
		case <-time.After(50 * time.Millisecond):
			if resp, err := http.Get("http://127.0.0.1:" + port + "/readyz"); err == nil {
				resp.Body.Close()
				ready = resp.StatusCode == http.StatusOK
			}
		}
	}
	cmd.Process.Signal(syscall.SIGTERM)
	select {
	case code := <-exited:
		t.Logf("%s: sanctions %s: ready, then exit %d on SIGTERM (%v)", c.where, strings.Join(args, " "), code, time.Since(start).Round(time.Millisecond))
		if code != want {
			t.Errorf("%s: %s: exit %d on SIGTERM, want %d\n%s", c.where, c.line, code, want, out.String())
		}
	case <-time.After(40 * time.Second):
		cmd.Process.Kill()
		<-exited
		t.Errorf("%s: %s: still running 40s after SIGTERM\n%s", c.where, c.line, out.String())
	}
}

// copyDocTree copies the repository, leaving out what .gitignore leaves out (/bin/, /sanctions,
// *.test, *.out, /coverage.*) and .git.
func copyDocTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		name := d.Name()
		if rel == ".git" || rel == "bin" || rel == "sanctions" || strings.HasPrefix(rel, "coverage.") ||
			strings.HasSuffix(name, ".test") || strings.HasSuffix(name, ".out") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, info.Mode().Perm())
	})
}

// tailBuffer keeps the last 4 KiB written to it (a command's output, for a failure's message).
type tailBuffer struct{ b []byte }

func (w *tailBuffer) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	if len(w.b) > 4096 {
		w.b = append([]byte("..."), w.b[len(w.b)-4096:]...)
	}
	return len(p), nil
}

func (w *tailBuffer) String() string { return string(w.b) }
