/*! webio-client | bundled third-party code: see THIRD_PARTY_LICENSES.txt */
(()=>{function i(n){return{aliases:["pycon"],contains:[{className:"meta.prompt",starts:{end:/ |$/,starts:{end:"$",subLanguage:"python"}},variants:[{begin:/^>>>(?=[ ]|$)/},{begin:/^\.\.\.(?=[ ]|$)/}]}]}}var e="webioHighlightLanguages";function t(n,g){let o=window[e]||(window[e]={});o[n]=g}t("python-repl",i);})();
