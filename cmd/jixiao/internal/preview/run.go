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
		cfg.Ready(pageURLs(ln.Addr(), interfaceAddrs))
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

// pageURLs are the page's addresses, the one to open first. A server on
// every interface (0.0.0.0, ::) is on the loopback one, and on each
// address of the machine's interfaces, which addrs lists.
func pageURLs(addr net.Addr, addrs func() ([]net.Addr, error)) []string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return []string{"http://" + addr.String() + "/"}
	}
	url := func(ip string) string { return "http://" + net.JoinHostPort(ip, strconv.Itoa(tcp.Port)) + "/" }
	if !tcp.IP.IsUnspecified() {
		return []string{url(tcp.IP.String())}
	}
	urls := []string{url("localhost")}
	list, _ := addrs() // without the list, localhost still serves
	for _, a := range list {
		ipnet, ok := a.(*net.IPNet)
		if !ok || ipnet.IP.IsLoopback() || ipnet.IP.IsLinkLocalUnicast() {
			continue
		}
		urls = append(urls, url(ipnet.IP.String()))
	}
	return urls
}

// interfaceAddrs lists the machine's addresses; tests replace it.
var interfaceAddrs = net.InterfaceAddrs
