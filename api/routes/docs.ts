/**
 * `GET /openapi.json` and `GET /docs`, an interactive page that lists the operations of the
 * OpenAPI document and lets a developer try each one from the browser. Self-contained:
 * no script or style from another host.
 * @module
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { describeOperations, ok } from '../../platform/openapi/describe-operation.ts'
import type { AppDeps } from '../deps.ts'
import { createOpenApiDocument, type OpenApiDocument } from '../openapi/create-openapi-document.ts'

const operation = describeOperations({ tag: 'docs' })

const page = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>trolyso API</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1b1b1b}
h1{font-size:1.5rem}.op{border:1px solid #ccd;border-radius:.5rem;margin:1rem 0;padding:.75rem}
.m{display:inline-block;min-width:4rem;font-weight:700;text-transform:uppercase}.get{color:#0a6}.post{color:#05a}.put,.patch{color:#a60}
label{display:block;margin:.25rem 0}input,textarea{width:100%;box-sizing:border-box;font:inherit;padding:.25rem}
pre{background:#f4f4f8;padding:.5rem;overflow:auto;max-height:20rem}button{font:inherit;padding:.3rem .8rem}
</style></head><body>
<h1>trolyso API</h1><p id="desc"></p><p><a href="/openapi.json">openapi.json</a></p><main id="ops" aria-live="polite"></main>
<script>
const el=(t,p={},...c)=>{const e=document.createElement(t);Object.assign(e,p);e.append(...c);return e}
fetch('/openapi.json').then(r=>r.json()).then(doc=>{
  document.getElementById('desc').textContent=doc.info.description
  const ops=document.getElementById('ops')
  for(const [path,item] of Object.entries(doc.paths))for(const [method,op] of Object.entries(item)){
    const form=el('form'),out=el('pre',{hidden:true})
    const params=(op.parameters||[]).map(p=>{const i=el('input',{name:p.name,value:p.example??'',required:!!p.required});return [p,el('label',{},p.name+' ('+p.in+')',i),i]})
    for(const [,l] of params)form.append(l)
    let body
    if(op.requestBody&&op.requestBody.content['application/json']){const ex={};const s=op.requestBody.content['application/json'].schema;for(const [k,v] of Object.entries(s.properties||{}))if(v.example!==undefined)ex[k]=v.example;body=el('textarea',{rows:4,value:JSON.stringify(ex,null,1)});form.append(el('label',{},'JSON',body))}
    let token
    if(op.security){token=el('input',{type:'password',autocomplete:'off'});form.append(el('label',{},'Bearer token',token))}
    form.append(el('button',{type:'submit'},'Thử'))
    form.onsubmit=async e=>{e.preventDefault();let p=path;const q=new URLSearchParams()
      for(const [d,,i] of params){if(d.in==='path')p=p.replace('{'+d.name+'}',encodeURIComponent(i.value));else if(i.value)q.set(d.name,i.value)}
      const headers={};if(body)headers['content-type']='application/json';if(token&&token.value)headers.authorization='Bearer '+token.value
      const r=await fetch(p+(q.size?'?'+q:''),{method:method.toUpperCase(),headers,body:body?body.value:undefined})
      out.hidden=false;out.textContent=r.status+'\\n'+await r.text()}
    ops.append(el('section',{className:'op'},el('div',{},el('span',{className:'m '+method},method),' ',el('code',{},path)),el('p',{},op.summary||''),form,out))
  }})
</script></body></html>`

/**
 * @param deps the app's configuration (its public URL names the server)
 * @param app the whole app, whose routes the document describes (generated once, on first request)
 */
export const createDocsRoutes = ({ config }: AppDeps, app: () => Hono) => {
  let document: Promise<OpenApiDocument> | null = null
  return new Hono()
    .get(
      '/openapi.json',
      operation('Mô tả OpenAPI 3.1 của toàn bộ API (sinh từ lược đồ zod của từng thao tác)', {
        responses: ok(z.looseObject({ openapi: z.string() }), 'OpenAPI 3.1'),
      }),
      async (c) => {
        document ??= createOpenApiDocument(app(), config.publicUrl ?? '/')
        return c.json(await document)
      },
    )
    .get(
      '/docs',
      operation('Trang thử các thao tác của API trong trình duyệt', {
        responses: ok({ 'text/html': z.string() }, 'HTML'),
      }),
      (c) => c.html(page),
    )
}
