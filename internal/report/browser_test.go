//go:build browser

// The HTML report in a real browser: run with `go test -tags browser ./report` (CI does, after
// installing Debian's chromium). `-screenshot` also writes docs/report.png.
package report_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/sanctions-dev/sanctions/internal/report"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

var screenshot = flag.Bool("screenshot", false, "write docs/report.png from the shipped fixtures")

func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("no chromium: install Debian's chromium package (.ci/run does)")
	return ""
}

// page is a report opened in headless Chromium.
type page struct {
	t   *testing.T
	ctx context.Context
}

// open loads file in headless Chromium; when the test ends, it fails on any console error or
// warning and any uncaught exception that the page caused.
func open(t *testing.T, file string) *page {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1100),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	bctx, bcancel := chromedp.NewContext(actx)
	cctx, ccancel := context.WithCancel(bctx)
	messages := chromedp.Console(cctx)
	var mu sync.Mutex
	var problems []string
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleWarning || m.IsException() {
				mu.Lock()
				problems = append(problems, fmt.Sprintf("%s: %s", m.Type, m.String()))
				mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() {
		ccancel()
		<-done
		bcancel()
		acancel()
		cancel()
		mu.Lock()
		defer mu.Unlock()
		for _, p := range problems {
			t.Errorf("the page logged a problem: %s", p)
		}
	})
	if err := chromedp.Do(bctx, chromedp.Navigate("file://"+file), chromedp.WaitVisible("#findings")); err != nil {
		t.Fatal(err)
	}
	return &page{t: t, ctx: bctx}
}

func eval[T any](p *page, js string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		p.t.Fatal(err)
	}
	return v
}

func (p *page) text(sel string) string {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Text(sel))
	if err != nil {
		p.t.Fatal(err)
	}
	return v
}

func writeHTML(t *testing.T, rep *report.Report) string {
	t.Helper()
	var buf bytes.Buffer
	if err := (report.HTML{}).Render(&buf, rep); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

func TestHTMLInChromium(t *testing.T) {
	p := open(t, writeHTML(t, seedReport(t)))
	rows := eval[int](p, `document.querySelectorAll(".finding-row").length`)
	cards := eval[int](p, `document.querySelectorAll(".card").length`)
	bars := eval[int](p, `document.querySelectorAll("#timeline rect").length`)
	external := eval[int](p, `document.querySelectorAll("script[src], link[href], img[src], iframe").length`)
	text := p.text("#findings")
	shown := p.text("#shown")
	if err := chromedp.Do(p.ctx, chromedp.SendKeys("#filter-text", "satellite")); err != nil {
		t.Fatal(err)
	}
	afterFilter := p.text("#shown")
	if rows != 4 || cards != 4 {
		t.Errorf("%d rows and %d cards, want 4 and 4", rows, cards)
	}
	if bars < 3 {
		t.Errorf("the timeline has %d rectangles", bars)
	}
	if external != 0 {
		t.Errorf("%d external resources: the page must be self-contained", external)
	}
	for _, want := range []string{"seed-kp-ru-containers", "DPRK-ARMS-EXPORT", "DPRK-BALLISTIC-LAUNCH", "1718 (2006) 8(b)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the table does not show %q", want)
		}
	}
	if shown != "4 shown" || afterFilter != "2 shown" {
		t.Errorf("filter: %q then %q, want \"4 shown\" then \"2 shown\"", shown, afterFilter)
	}
}

// TestScreenshot writes docs/report.png, the HTML report of every shipped fixture, with
// -screenshot.
func TestScreenshot(t *testing.T) {
	if !*screenshot {
		return
	}
	root := filepath.Join(testrules.Dir(), "..")
	t.Chdir(root)
	rep, err := testrules.Check("fixtures").Run(context.Background(), testrules.Engine(t))
	if err != nil {
		t.Fatal(err)
	}
	p := open(t, writeHTML(t, rep))
	// The top of the page: counts, the timeline, the filters and the first rows.
	png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "docs", "report.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
