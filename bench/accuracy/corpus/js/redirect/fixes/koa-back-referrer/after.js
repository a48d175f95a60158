'use strict'

module.exports = {
  redirect (url, alt) {
    this.set('Location', encodeURI(url))
    this.status = 302
    this.body = `Redirecting to ${url}.`
  },

  back (alt) {
    const referrer = this.ctx.get('Referrer')
    if (referrer) {
      // referrer is an absolute URL, check if it's the same origin
      const url = new URL(referrer, this.ctx.href)
      if (url.host === this.ctx.host) {
        this.redirect(referrer)
        return
      }
    }

    // no referrer, use alt or '/'
    this.redirect(alt || '/')
  },
}
