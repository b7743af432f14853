"""Exploratory: CNN / bi-GRU category model over raw tokens (torch, training only). See README.md here."""
import re, sys, time, json, argparse
import numpy as np, pandas as pd, torch, torch.nn as nn, torch.nn.functional as F
torch.set_num_threads(2)
ap=argparse.ArgumentParser()
ap.add_argument('--protocol',default='cv12')   # cv12 | loo
ap.add_argument('--maxlen',type=int,default=60)
ap.add_argument('--epochs',type=int,default=6)
ap.add_argument('--emb',type=int,default=64)
ap.add_argument('--filters',type=int,default=128)
ap.add_argument('--widths',default='2,3,4')
ap.add_argument('--drop',type=float,default=0.5)
ap.add_argument('--lr',type=float,default=2e-3)
ap.add_argument('--bs',type=int,default=64)
ap.add_argument('--vocab',type=int,default=20000)
ap.add_argument('--seeds',default='0')
ap.add_argument('--out',required=True)
ap.add_argument('--arch',default='cnn')
ap.add_argument('--hid',type=int,default=64)
a=ap.parse_args()
from pathlib import Path
df=pd.read_csv(Path(__file__).resolve().parents[3]/'shared/data/upr-info/upr-info-export-sessions01-15.csv')
df=df[df.Text.notna()].reset_index(drop=True)
y=df.Action.values-1; sess=df.Session.values
TOK=re.compile(r"[a-z]+|[0-9]+|[^\sa-z0-9]")
toks=[['<s>']+TOK.findall(t.lower()) for t in df.Text]
widths=[int(w) for w in a.widths.split(',')]
class CNN(nn.Module):
    def __init__(s,V):
        super().__init__()
        s.emb=nn.Embedding(V,a.emb,padding_idx=0)
        s.convs=nn.ModuleList([nn.Conv1d(a.emb,a.filters,w,padding=w-1) for w in widths])
        s.drop=nn.Dropout(a.drop); s.fc=nn.Linear(a.filters*len(widths),5)
    def forward(s,x):
        m=(x>0)
        e=s.emb(x).transpose(1,2)
        hs=[]
        for c in s.convs:
            h=F.relu(c(e))  # (B,F,L+w-1); mask padded-only positions roughly: pad positions have emb 0
            hs.append(h.max(2).values)
        return s.fc(s.drop(torch.cat(hs,1)))
class GRU(nn.Module):
    def __init__(s,V):
        super().__init__()
        s.emb=nn.Embedding(V,a.emb,padding_idx=0)
        s.rnn=nn.GRU(a.emb,a.hid,batch_first=True,bidirectional=True)
        s.drop=nn.Dropout(a.drop); s.fc=nn.Linear(4*a.hid,5)
    def forward(s,x):
        L=(x>0).sum(1).clamp(min=1)
        pk=nn.utils.rnn.pack_padded_sequence(s.emb(x),L.cpu(),batch_first=True,enforce_sorted=False)
        o,h=s.rnn(pk)
        o,_=nn.utils.rnn.pad_packed_sequence(o,batch_first=True,padding_value=-1e4)
        mx=o.max(1).values
        return s.fc(s.drop(torch.cat([h[0],h[1],mx[:,:a.hid],mx[:,a.hid:]],1)[:, :4*a.hid]))
def encode(tr_idx):
    from collections import Counter
    c=Counter(w for i in tr_idx for w in toks[i])
    vocab=[w for w,n in c.most_common(a.vocab-2) if n>=2]
    ix={w:i+2 for i,w in enumerate(vocab)}  # 0 pad, 1 unk
    X=np.zeros((len(toks),a.maxlen),dtype=np.int64)
    for i,t in enumerate(toks):
        ids=[ix.get(w,1) for w in t[:a.maxlen]]; X[i,:len(ids)]=ids
    return X,len(ix)+2
def train_predict(tr,te,seed):
    X,V=encode(tr)
    torch.manual_seed(seed); rng=np.random.default_rng(seed)
    m=(CNN(V) if a.arch=='cnn' else GRU(V)); opt=torch.optim.Adam(m.parameters(),lr=a.lr)
    Xt=torch.from_numpy(X); yt=torch.from_numpy(y)
    nb=int(np.ceil(len(tr)/a.bs)); total=a.epochs*nb
    sched=torch.optim.lr_scheduler.OneCycleLR(opt,max_lr=a.lr,total_steps=total,pct_start=0.1)
    t0=time.time()
    for ep in range(a.epochs):
        m.train(); p=rng.permutation(tr)
        for b in range(nb):
            bi=torch.from_numpy(p[b*a.bs:(b+1)*a.bs])
            loss=F.cross_entropy(m(Xt[bi]),yt[bi])
            opt.zero_grad(); loss.backward(); opt.step(); sched.step()
    ttrain=time.time()-t0
    m.eval()
    with torch.no_grad(): P=torch.softmax(m(Xt[torch.from_numpy(te)]),1).numpy()
    nparam=sum(q.numel() for q in m.parameters())
    return P,ttrain,nparam
if a.protocol=='cv12':
    folds=[[1,5,9],[2,6,10],[3,7,11],[4,8,12]]
    splits=[(np.where(np.isin(sess,range(1,13))&~np.isin(sess,f))[0],np.where(np.isin(sess,f))[0]) for f in folds]
else:
    splits=[(np.where(sess!=s)[0],np.where(sess==s)[0]) for s in (13,14,15)]
seeds=[int(s) for s in a.seeds.split(',')]
P=np.full((len(df),5),np.nan); times=[]
for tr,te in splits:
    acc=np.zeros((len(te),5))
    for sd in seeds:
        p,tt,npar=train_predict(tr,te,sd); acc+=p/len(seeds); times.append(tt)
        print(f'split n_te={len(te)} seed={sd} acc={(p.argmax(1)==y[te]).mean():.4f} train={tt:.1f}s params={npar}',flush=True)
    P[te]=acc
np.savez(a.out,P=P,times=np.array(times),args=json.dumps(vars(a)))
m=~np.isnan(P[:,0]); print('ALL acc',(P[m].argmax(1)==y[m]).mean())
