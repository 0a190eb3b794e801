package server

import (
	"context"
	"io"
	"net/http"
	"sync"

	"golang.org/x/sync/semaphore"
)

// budget bounds the request bytes the server holds at once, all requests together
// (serve.max_inflight_bytes): a JSON or YAML body is charged its size before it is read (its
// Content-Length, or limits.max_file_bytes when it is sent chunked, the rest given back once it
// is read); an NDJSON stream the line it is reading, at limits.max_event_bytes; an NDJSON answer
// waiting for its client, its bytes. A request that cannot be charged gets 503
// with Retry-After, before any of its body is read.
type budget struct {
	sem  *semaphore.Weighted
	size int64
	m    *metrics
}

func newBudget(size int64, m *metrics) *budget {
	return &budget{sem: semaphore.NewWeighted(size), size: size, m: m}
}

// take charges n bytes, or says false when they are not free now.
func (b *budget) take(n int64) bool {
	if n <= 0 {
		return true
	}
	if !b.sem.TryAcquire(n) {
		return false
	}
	b.m.inflight.Add(float64(n))
	return true
}

// give hands n bytes back.
func (b *budget) give(n int64) {
	if n <= 0 {
		return
	}
	b.m.inflight.Sub(float64(n))
	b.sem.Release(n)
}

// busy answers a request the budget cannot take now.
func busy(w http.ResponseWriter, what string) {
	w.Header().Set("Retry-After", "1")
	writeError(w, http.StatusServiceUnavailable, what+": the server holds as many request bytes as serve.max_inflight_bytes allows; retry shortly")
}

// pump writes an NDJSON answer to its client from a goroutine of its own, so that judging, and
// so reading the request, never waits for the client to read: a client that sends its whole
// body before it reads the answer gets it. The bytes waiting are charged to the budget; when it
// has no room, Write waits for the client to take what is queued and then writes through.
type pump struct {
	w      io.Writer
	rc     *http.ResponseController
	budget *budget

	mu      sync.Mutex
	cond    *sync.Cond
	queue   [][]byte
	queued  int64 // bytes in queue, all charged to the budget
	writing bool  // the goroutine is writing a chunk it took from the queue
	closed  bool
	err     error // the first write or flush error: the client went away
	done    chan struct{}
	stop    func() bool
}

func newPump(ctx context.Context, w http.ResponseWriter, b *budget) *pump {
	p := &pump{w: w, rc: http.NewResponseController(w), budget: b, done: make(chan struct{})}
	p.cond = sync.NewCond(&p.mu)
	p.stop = context.AfterFunc(ctx, func() {
		p.mu.Lock()
		if p.err == nil {
			p.err = context.Cause(ctx)
		}
		p.cond.Broadcast()
		p.mu.Unlock()
	})
	go p.run()
	return p
}

func (p *pump) run() {
	defer close(p.done)
	p.mu.Lock()
	defer p.mu.Unlock()
	for {
		for len(p.queue) == 0 && !p.closed && p.err == nil {
			p.cond.Wait()
		}
		if p.err != nil || len(p.queue) == 0 {
			return
		}
		chunk := p.queue[0]
		p.queue = p.queue[1:]
		last := len(p.queue) == 0 // flush once the queue is written, not after each chunk
		p.writing = true
		p.mu.Unlock()
		_, err := p.w.Write(chunk)
		if err == nil && last {
			err = p.rc.Flush()
		}
		p.mu.Lock()
		p.writing = false
		p.queued -= int64(len(chunk))
		p.budget.give(int64(len(chunk)))
		if err != nil && p.err == nil {
			p.err = err
		}
		p.cond.Broadcast()
	}
}

// Write queues b, copied; with no room in the budget, it waits until the queue is empty and
// then until b is written.
func (p *pump) Write(b []byte) (int, error) {
	n := int64(len(b))
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.err != nil {
		return 0, p.err
	}
	charged := p.budget.take(n)
	for !charged && (len(p.queue) > 0 || p.writing) && p.err == nil {
		p.cond.Wait()
		charged = p.budget.take(n)
	}
	if p.err != nil {
		if charged {
			p.budget.give(n)
		}
		return 0, p.err
	}
	if !charged {
		// Nothing queued and no room: write through, as an unbuffered answer would.
		p.writing = true
		p.mu.Unlock()
		_, err := p.w.Write(b)
		if err == nil {
			err = p.rc.Flush()
		}
		p.mu.Lock()
		p.writing = false
		if err != nil && p.err == nil {
			p.err = err
		}
		p.cond.Broadcast()
		return len(b), err
	}
	p.queue = append(p.queue, append([]byte(nil), b...))
	p.queued += n
	p.cond.Broadcast()
	return len(b), nil
}

// Close waits until everything queued is written (or the client is gone), and gives back what
// the queue still held.
func (p *pump) Close() error {
	p.mu.Lock()
	p.closed = true
	p.cond.Broadcast()
	p.mu.Unlock()
	<-p.done
	p.stop()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.budget.give(p.queued)
	p.queued, p.queue = 0, nil
	return p.err
}
