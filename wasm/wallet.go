//go:build js && wasm

package main

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"syscall/js"

	"github.com/clearbadge/clearbadge/core/baked"
	"github.com/clearbadge/clearbadge/core/holder"
	"github.com/clearbadge/clearbadge/core/present"
	"github.com/clearbadge/clearbadge/core/report"
)

// The wallet's functions (extension/background.js uses them):
//
//	keygen(): Promise<{did, jwk}>          // a new Ed25519 holder key; jwk is
//	                                       // the private JWK as JSON text
//	present(credentials, {key, challenge, domain, format}): Promise<string>
//	                                       // a signed presentation (JSON, or a
//	                                       // compact JWS for format "jwt")
//	bake(credential, {format, image, title, kind}): Promise<Uint8Array>
//	                                       // the credential baked into a PNG or
//	                                       // SVG badge image
//	unbake(image): Promise<string>         // the credential baked into a PNG or
//	                                       // SVG (JSON or a JWT), for an API
//	                                       // that takes the credential itself
//
// A credential is a string (JSON or JWT) or a Uint8Array; bytes that are a
// baked PNG or SVG stand for the credential inside them (OB 3.0 §5.3).

// keygenJS is ClearBadge.keygen.
func keygenJS(_ js.Value, _ []js.Value) any {
	return newPromise(func(resolve, reject js.Value) {
		go func() {
			k, err := holder.Generate(holder.Ed25519)
			var jwk []byte
			if err == nil {
				jwk, err = k.MarshalPrivateJWK()
			}
			if err != nil {
				reject.Invoke(jsError("ClearBadge.keygen: " + err.Error()))
				return
			}
			out := js.Global().Get("Object").New()
			out.Set("did", k.DID())
			out.Set("jwk", string(jwk))
			resolve.Invoke(out)
		}()
	})
}

// credentialBytes reads one credential argument, unbaking an image.
func credentialBytes(v js.Value, what string) ([]byte, error) {
	b, err := inputBytes(v)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	if bk, err := baked.Extract(b); err == nil {
		return bk.Payload, nil
	}
	return b, nil
}

// unbakeJS is ClearBadge.unbake: OB 3.0 §5.3's reading of a baked image,
// refusing anything that is not one.
func unbakeJS(_ js.Value, args []js.Value) any {
	if len(args) < 1 {
		return rejected(typeError("ClearBadge.unbake(image): the image is missing"))
	}
	b, err := inputBytes(args[0])
	if err != nil {
		return rejected(typeError("ClearBadge.unbake: " + err.Error()))
	}
	bk, err := baked.Extract(b)
	if err != nil {
		return rejected(jsError("ClearBadge.unbake: " + err.Error()))
	}
	return promise.Call("resolve", string(bk.Payload))
}

// presentJS is ClearBadge.present.
func presentJS(_ js.Value, args []js.Value) any {
	if len(args) < 2 || args[0].Type() != js.TypeObject || !js.Global().Get("Array").Call("isArray", args[0]).Bool() ||
		args[1].Type() != js.TypeObject {
		return rejected(typeError("ClearBadge.present(credentials, {key, challenge, domain, format}): credentials must be an array and options an object"))
	}
	creds := make([][]byte, args[0].Length())
	for i := range creds {
		b, err := credentialBytes(args[0].Index(i), fmt.Sprintf("ClearBadge.present: credential %d", i+1))
		if err != nil {
			return rejected(typeError(err.Error()))
		}
		creds[i] = b
	}
	o := args[1]
	str := func(name string) string {
		if f := o.Get(name); f.Type() == js.TypeString {
			return f.String()
		}
		return ""
	}
	jwk := str("key")
	if jwk == "" {
		return rejected(typeError("ClearBadge.present: options.key must be the holder's private JWK (JSON text)"))
	}
	opts := present.Options{Format: present.Format(str("format")), Challenge: str("challenge"), Domain: str("domain")}
	return newPromise(func(resolve, reject js.Value) {
		go func() {
			key, err := holder.ParsePrivateJWK([]byte(jwk))
			if err != nil {
				reject.Invoke(jsError("ClearBadge.present: " + err.Error()))
				return
			}
			opts.Key = key
			out, err := present.Create(creds, opts)
			if err != nil {
				reject.Invoke(jsError(err.Error()))
				return
			}
			resolve.Invoke(string(out))
		}()
	})
}

// bakeJS is ClearBadge.bake. Without an image of the right format it bakes
// into a plain badge (baked.Badge for SVG, a drawn disc for PNG).
func bakeJS(_ js.Value, args []js.Value) any {
	if len(args) < 2 || args[1].Type() != js.TypeObject {
		return rejected(typeError("ClearBadge.bake(credential, {format, image, title, kind}): options must be an object"))
	}
	payload, err := credentialBytes(args[0], "ClearBadge.bake: credential")
	if err != nil {
		return rejected(typeError(err.Error()))
	}
	o := args[1]
	format := o.Get("format")
	if format.Type() != js.TypeString || (format.String() != baked.FormatPNG && format.String() != baked.FormatSVG) {
		return rejected(typeError(`ClearBadge.bake: options.format must be "png" or "svg"`))
	}
	var img []byte
	if v := o.Get("image"); !v.IsUndefined() && !v.IsNull() {
		if img, err = inputBytes(v); err != nil {
			return rejected(typeError("ClearBadge.bake: options.image: " + err.Error()))
		}
	}
	title := ""
	if v := o.Get("title"); v.Type() == js.TypeString {
		title = v.String()
	}
	kind := ""
	if k := o.Get("kind"); k.Type() == js.TypeString {
		kind = k.String()
	}
	if report.IsOB2Kind(kind) {
		// The OB 2.0 baking keyword and namespace belong to badges their
		// issuer baked; the badge is kept (and downloaded) as it came.
		return rejected(jsError("ClearBadge.bake: an Open Badges 2.0 badge cannot be baked here; download it as it came from its issuer"))
	}
	clr := kind == "ClrCredential"
	return newPromise(func(resolve, reject js.Value) {
		go func() {
			out, err := bakeInto(format.String(), img, payload, title, clr)
			if err != nil {
				reject.Invoke(jsError("ClearBadge.bake: " + err.Error()))
				return
			}
			resolve.Invoke(bytesJS(out))
		}()
	})
}

func bakeInto(format string, img, payload []byte, title string, clr bool) ([]byte, error) {
	isPNG := bytes.HasPrefix(img, []byte("\x89PNG\r\n\x1a\n"))
	if format == baked.FormatPNG {
		if !isPNG {
			img = plainPNG
		}
		kw := baked.KeywordOB3
		if clr {
			kw = baked.KeywordCLR
		}
		return baked.BakePNG(img, payload, kw)
	}
	if len(img) == 0 || isPNG {
		img = baked.Badge(title)
	} else if _, err := baked.Extract(img); errors.Is(err, baked.ErrUnknownFormat) {
		img = baked.Badge(title)
	}
	ns := baked.NamespaceOB3
	if clr {
		ns = baked.NamespaceCLR
	}
	return baked.BakeSVG(img, payload, ns)
}

// plainPNG is a 240×240 badge disc (the colours of baked.Badge) for a
// credential that has no PNG image of its own. It is a file rather than
// drawn here because drawing it linked image/png and a deflate compressor
// (~0.2 MiB of code) into every surface's wasm; TestPlainPNG draws it again
// and compares.
//
//go:embed badge.png
var plainPNG []byte
