package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/sanctions-dev/sanctions/config"
	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/server"
)

func newServe(g *globals, s *streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the checker as an HTTP API",
		Long: `Serve answers checks over HTTP (docs/deploy.md):

  POST /v1/check   events as JSON (one, an array, or {"events": [...]}), YAML, or NDJSON
                   (streamed both ways); the answer is the JSON report of docs/findings.md,
                   or an NDJSON report for NDJSON
  GET  /v1/rules   the rules with their metadata, the revision, the last reload error
  GET  /healthz    the process is up;  GET /readyz: rules are loaded, not shutting down
  GET  /metrics    Prometheus metrics

It listens on loopback (127.0.0.1:8480) unless --addr says otherwise. With serve.token set (for
example through SANCTIONS_SERVE_TOKEN), /v1/* and /metrics need "Authorization: Bearer TOKEN".
The rules reload when their files change, and on SIGHUP: requests in flight finish on the old
rules, and a broken edit keeps the last good ones. SIGTERM or SIGINT stops taking requests and
lets those in flight finish. Logs are JSON lines on standard error.`,
		Example: "  sanctions serve\n  curl -s --data-binary @event.json localhost:8480/v1/check\n  sanctions serve --addr 0.0.0.0:8480   # behind a load balancer, with serve.token set",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := g.settings(func(v *viper.Viper) error {
				for key, flag := range map[string]string{"serve.addr": "addr", "serve.watch": "watch", "serve.log_level": "log-level"} {
					if err := v.BindPFlag(key, cmd.Flags().Lookup(flag)); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
			var level slog.Level
			if err := level.UnmarshalText([]byte(c.Serve.LogLevel)); err != nil {
				return withStatus(exitError, fmt.Errorf("serve.log_level: %w", err))
			}
			log := slog.New(slog.NewJSONHandler(s.err, &slog.HandlerOptions{Level: level}))
			sources, err := library.Resolve(c.Rules.Paths)
			if err != nil {
				return withStatus(exitError, err)
			}
			load := func(ctx context.Context) (*evaluator.Engine, error) {
				return loadRules(ctx, c, sources, false, c.Check.Regimes)
			}
			ctx := cmd.Context()
			srv, err := server.New(ctx, load, server.Options{Token: c.Serve.Token, Limits: inputLimits(c),
				Workers: c.Check.Workers, Tool: toolInfo(), Log: log, MaxInflightBytes: c.Serve.MaxInflightBytes})
			if err != nil {
				printProblems(s.err, "the rules did not load", err)
				return withStatus(exitError, nil)
			}
			l, err := net.Listen("tcp", c.Serve.Addr)
			if err != nil {
				return withStatus(exitError, err)
			}
			if c.Serve.Watch {
				go srv.WatchRules(ctx, ruleDirs(sources))
			}
			hup := make(chan os.Signal, 1)
			signal.Notify(hup, syscall.SIGHUP)
			defer signal.Stop(hup)
			go func() {
				for {
					select {
					case <-hup:
						log.Info("SIGHUP: reloading the rules")
						srv.Reload(ctx)
					case <-ctx.Done():
						return
					}
				}
			}()
			err = srv.Serve(ctx, l, server.HTTPOptions{ReadTimeout: c.Serve.ReadTimeout, WriteTimeout: c.Serve.WriteTimeout,
				IdleTimeout: c.Serve.IdleTimeout, ShutdownTimeout: c.Serve.ShutdownTimeout})
			if err != nil {
				return withStatus(exitError, err)
			}
			return nil
		},
	}
	f := cmd.Flags()
	d := config.Default() // the one place defaults are written: config/defaults.yaml
	f.String("addr", d.Serve.Addr, "address to listen on (HOST:PORT)")
	f.Bool("watch", d.Serve.Watch, "reload the rules when their files change")
	f.String("log-level", d.Serve.LogLevel, "debug, info, warn or error")
	return cmd
}
