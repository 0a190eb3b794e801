// Package watch calls back when files change: the rule library, data tables, config files and
// inputs of `check --watch`, `rules test --watch` and `serve`. It uses the operating system's
// notifications (fsnotify), watches directories recursively, follows files that editors replace
// by renaming, ignores editors' scratch files, and debounces: a burst of changes (a save that
// writes three files, an editor's write-then-rename) gives one call.
package watch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// DefaultDebounce is how long the files must be quiet before a call.
const DefaultDebounce = 200 * time.Millisecond

// Watcher watches files and directories.
type Watcher struct {
	Debounce time.Duration
	fsw      *fsnotify.Watcher
	dirs     map[string]bool // directories watched whole (recursively)
	files    map[string]bool // single files, watched through their directory
}

// New watches paths: each directory with everything below it, each file on its own. A path
// that does not exist is an error.
func New(paths []string) (*Watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watching files: %w", err)
	}
	w := &Watcher{Debounce: DefaultDebounce, fsw: fsw, dirs: map[string]bool{}, files: map[string]bool{}}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			fsw.Close()
			return nil, err
		}
		info, err := os.Stat(abs)
		if err != nil {
			fsw.Close()
			return nil, fmt.Errorf("watching %s: %w", p, err)
		}
		if info.IsDir() {
			if err := w.addTree(abs); err != nil {
				fsw.Close()
				return nil, err
			}
			continue
		}
		w.files[abs] = true
		if err := fsw.Add(filepath.Dir(abs)); err != nil {
			fsw.Close()
			return nil, fmt.Errorf("watching %s: %w", p, err)
		}
	}
	return w, nil
}

// addTree watches dir and every directory below it (hidden ones excepted).
func (w *Watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // a directory that vanished or cannot be read: not watched
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if err := w.fsw.Add(p); err != nil {
			return fmt.Errorf("watching %s: %w", p, err)
		}
		w.dirs[p] = true
		return nil
	})
}

// Close stops watching.
func (w *Watcher) Close() error { return w.fsw.Close() }

// Run calls onChange with the changed paths (sorted) after each burst of changes, until ctx is
// done; onChange runs on Run's goroutine, so changes during a call give one more call after it.
// Errors of the notification system go to onError, and watching goes on.
func (w *Watcher) Run(ctx context.Context, onChange func(changed []string), onError func(error)) error {
	var timer <-chan time.Time
	pending := map[string]bool{}
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return errors.New("the file watcher stopped")
			}
			if !w.relevant(ev) {
				continue
			}
			if ev.Has(fsnotify.Create) && w.underDir(ev.Name) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					if err := w.addTree(ev.Name); err != nil && onError != nil {
						onError(err)
					}
				}
			}
			pending[ev.Name] = true
			timer = time.After(w.Debounce)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return errors.New("the file watcher stopped")
			}
			if onError != nil {
				onError(err)
			}
		case <-timer:
			timer = nil
			changed := make([]string, 0, len(pending))
			for p := range pending {
				changed = append(changed, p)
			}
			slices.Sort(changed)
			clear(pending)
			onChange(changed)
		}
	}
}

// relevant says whether an event concerns a watched path, and not an editor's scratch file.
func (w *Watcher) relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	base := filepath.Base(ev.Name)
	// Kubernetes swaps a mounted ConfigMap or Secret by renaming a "..data" link: that counts.
	if strings.HasPrefix(base, "..") {
		return w.underDir(ev.Name)
	}
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") ||
		strings.HasSuffix(base, ".swx") || strings.HasPrefix(base, "#") {
		return false
	}
	return w.files[ev.Name] || w.underDir(ev.Name)
}

func (w *Watcher) underDir(p string) bool {
	for d := filepath.Dir(p); ; d = filepath.Dir(d) {
		if w.dirs[d] {
			return true
		}
		if d == filepath.Dir(d) {
			return false
		}
	}
}
