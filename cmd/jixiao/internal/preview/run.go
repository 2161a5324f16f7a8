package preview

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strconv"
	"time"
)

// Run builds the form, serves the preview on cfg.Addr and rebuilds at each
// change of the files the build names, until ctx is done; then it shuts the
// server down. It returns an error only when it could not serve.
func Run(ctx context.Context, cfg Config) error {
	if cfg.Quiet <= 0 {
		cfg.Quiet = DefaultQuiet
	}
	logf := func(format string, args ...any) {
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, format+"\n", args...)
		}
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listening: %w", err)
	}
	p := New(cfg)
	ctx, stop := context.WithCancel(ctx)
	defer stop()

	// Each save ends in one kick; a save during a rebuild queues one more.
	kick := make(chan struct{}, 1)
	deb := NewDebouncer(nil, cfg.Quiet, func() {
		select {
		case kick <- struct{}{}:
		default:
		}
	})
	w, err := NewWatcher(func(string) { deb.Trigger() }, func(err error) { logf("jixiao preview: %v", err) })
	if err != nil {
		ln.Close()
		return err
	}
	// Watch before the first build reads the files, so that no save is
	// missed; the font files are known only after it.
	if err := w.Set(cfg.Watch); err != nil {
		logf("jixiao preview: %v", err)
	}
	p.Rebuild()
	setWatch := func() {
		if err := w.Set(p.watched()); err != nil {
			logf("jixiao preview: %v", err)
		}
	}
	setWatch()

	loopDone := make(chan struct{})
	go func() {
		defer close(loopDone)
		for {
			select {
			case <-ctx.Done():
				return
			case <-kick:
				p.Rebuild()
				setWatch()
			}
		}
	}()

	srv := NewServer(p)
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ErrorLog: log.New(io.Discard, "", 0)}
	hs.RegisterOnShutdown(srv.Close)
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	if cfg.Ready != nil {
		cfg.Ready(pageURL(ln.Addr()))
	}

	select {
	case <-ctx.Done():
	case err = <-served: // the listener failed: stop all the same
		err = fmt.Errorf("serving: %w", err)
	}
	stop()
	deb.Stop()
	<-loopDone
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if serr := hs.Shutdown(shutdown); serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		hs.Close()
	}
	return errors.Join(err, w.Close())
}

// pageURL is the address to open: a server on every interface is also on
// the loopback one.
func pageURL(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return "http://" + addr.String() + "/"
	}
	host := tcp.IP.String()
	if tcp.IP.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, strconv.Itoa(tcp.Port)) + "/"
}
