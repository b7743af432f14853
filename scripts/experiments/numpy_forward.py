"""Exploratory: pure-numpy CNN and bi-GRU forward passes, checked against torch, timed on 10k texts."""
# pure-numpy forward for CNN and bi-GRU; checks equality vs torch (random weights) and times 10k texts
import numpy as np, torch, time, torch.nn as nn, torch.nn.functional as F
torch.set_num_threads(2); torch.manual_seed(0)
V,E,H,Fn,W=6000,64,64,128,[2,3,4]
rng=np.random.default_rng(0)
lens=np.clip(rng.normal(24,13,10000).astype(int),3,60)
X=np.zeros((10000,60),dtype=np.int64)
for i,l in enumerate(lens): X[i,:l]=rng.integers(2,V,l)
emb=nn.Embedding(V,E,padding_idx=0); convs=[nn.Conv1d(E,Fn,w,padding=w-1) for w in W]; fc=nn.Linear(Fn*3,5)
gru=nn.GRU(E,H,batch_first=True,bidirectional=True); fc2=nn.Linear(4*H,5)
sd=lambda m:{k:v.detach().numpy().astype(np.float32) for k,v in m.state_dict().items()}
Ew=sd(emb)['weight']; C=[sd(c) for c in convs]; FC=sd(fc); G=sd(gru); FC2=sd(fc2)
def np_cnn(X):
    Lmax=int((X>0).sum(1).max()); X=X[:,:Lmax]
    e=Ew[X]  # B,L,E
    hs=[]
    for w,c in zip(W,C):
        ep=np.pad(e,((0,0),(w-1,w-1),(0,0)))
        Wt=c['weight']  # F,E,w
        out=c['bias'][None,None,:]+sum(ep[:,k:k+Lmax+w-1,:]@Wt[:,:,k].T for k in range(w))
        hs.append(np.maximum(out,0).max(1))
    z=np.concatenate(hs,1)@FC['weight'].T+FC['bias']; z-=z.max(1,keepdims=True); p=np.exp(z); return p/p.sum(1,keepdims=True)
sig=lambda x:1/(1+np.exp(-x))
def np_gru_dir(e,L,sfx):
    B,T,_=e.shape; Wi,Wh,bi,bh=G['weight_ih_l0'+sfx],G['weight_hh_l0'+sfx],G['bias_ih_l0'+sfx],G['bias_hh_l0'+sfx]
    gi=e@Wi.T+bi  # B,T,3H
    h=np.zeros((B,H),np.float32); mx=np.full((B,H),-1e4,np.float32)
    rev=sfx.endswith('reverse')
    for s in range(T):
        # reverse direction: step s processes position L-1-s for each row
        t=(L-1-s) if rev else np.full(B,s)
        act=(s<L)
        g=gi[np.arange(B),np.clip(t,0,T-1)]; gh=h@Wh.T+bh
        r=sig(g[:,:H]+gh[:,:H]); z=sig(g[:,H:2*H]+gh[:,H:2*H]); n=np.tanh(g[:,2*H:]+r*gh[:,2*H:])
        hn=(1-z)*n+z*h
        h=np.where(act[:,None],hn,h); mx=np.where(act[:,None],np.maximum(mx,hn),mx)
    return h,mx
def np_gru(X):
    L=np.maximum((X>0).sum(1),1); T=int(L.max()); e=Ew[X[:,:T]]
    hf,mf=np_gru_dir(e,L,''); hb,mb=np_gru_dir(e,L,'_reverse')
    z=np.concatenate([hf,hb,mf,mb],1)@FC2['weight'].T+FC2['bias']; z-=z.max(1,keepdims=True); p=np.exp(z); return p/p.sum(1,keepdims=True)
def batched(f,X,bs=1000):
    o=np.argsort((X>0).sum(1)); out=np.zeros((len(X),5))
    for i in range(0,len(X),bs): idx=o[i:i+bs]; out[idx]=f(X[idx])
    return out
# torch references
with torch.no_grad():
    xt=torch.from_numpy(X[:200]); e=emb(xt).transpose(1,2)
    pc=torch.softmax(fc(torch.cat([F.relu(c(e)).max(2).values for c in convs],1)),1).numpy()
    Lt=(xt>0).sum(1).clamp(min=1)
    pk=nn.utils.rnn.pack_padded_sequence(emb(xt),Lt,batch_first=True,enforce_sorted=False)
    o,h=gru(pk); o,_=nn.utils.rnn.pad_packed_sequence(o,batch_first=True,padding_value=-1e4); mx=o.max(1).values
    pg=torch.softmax(fc2(torch.cat([h[0],h[1],mx[:,:H],mx[:,H:]],1)),1).numpy()
print('cnn maxdiff',np.abs(batched(np_cnn,X[:200],50)-pc).max(),' gru maxdiff',np.abs(batched(np_gru,X[:200],50)-pg).max())
for name,f in [('cnn',np_cnn),('gru',np_gru)]:
    t=time.time(); batched(f,X); print(name,'10k texts numpy: %.2fs'%(time.time()-t))
