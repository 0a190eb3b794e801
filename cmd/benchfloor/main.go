// Command floor is the baseline of the benchmarks (scripts/bench.sh): what an embedder of OPA
// gets for free with the same rules and data. It loads the rule library, prepares the query
// data.sanctions.findings once, and evaluates it on each NDJSON event from standard input, in one
// goroutine, with no validation and no report: the floor a checker has to beat.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/sanctions-dev/sanctions/internal/library"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

func run() error {
	ctx := context.Background()
	dir := "rules"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	lib, err := library.Load(ctx, library.Source{Name: dir, FS: os.DirFS(dir)})
	if err != nil {
		return err
	}
	opts := []func(*rego.Rego){
		rego.Query("data.sanctions.findings"),
		rego.Store(inmem.NewFromObject(map[string]any{"sanctions": lib.Data})),
	}
	for _, m := range lib.Modules {
		opts = append(opts, rego.ParsedModule(m))
	}
	pq, err := rego.New(opts...).PrepareForEval(ctx)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	events, findings := 0, 0
	for sc.Scan() {
		var ev any
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			return err
		}
		rs, err := pq.Eval(ctx, rego.EvalInput(ev))
		if err != nil {
			return err
		}
		events++
		if len(rs) > 0 {
			if fs, ok := rs[0].Expressions[0].Value.([]any); ok {
				findings += len(fs)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	fmt.Printf("%d events, %d findings\n", events, findings)
	return nil
}
